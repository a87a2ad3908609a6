package org.reliefdesk.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.reliefdesk.logic.ErrorIds;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.sync.CentralClient;
import org.reliefdesk.sync.Synchronizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** One sync of a data directory with the central store, without the window. */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = {
            "Push this user's waiting changes to the central store, then pull every change in their scope.",
            "The password is typed at the prompt or taken from RELIEFDESK_PASSWORD.",
            "Exit code: 0 synced (conflicts and refusals are counted, not failures), 2 not synced (unreachable, sign-in refused)."
        })
public final class SyncCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SyncCommand.class);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--central",
            required = true,
            paramLabel = "URL",
            description = "The central store, e.g. http://10.0.0.5:8787")
    String central;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "Sign-in name at the central store.")
    String user;

    @picocli.CommandLine.Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--batch", paramLabel = "N", description = "Operations per push request (default 100).")
    int batch = Synchronizer.DEFAULT_PUSH_BATCH;

    Clock clock = Clock.system(ChinaTime.ZONE);

    @Override
    public Integer call() {
        Texts texts = options.texts();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] password = CentralCommand.password(texts.fieldName("password") + ": ");
        if (password == null) {
            err.println(texts.msg("central.user.noPassword"));
            return 2;
        }
        // the sign-in's slow half (the central store's recipe, the key derived) runs while the store
        // opens: only the sign-in itself needs this PC's id, which lives in the store
        ExecutorService ahead = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sign-in-ahead");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<CentralClient> made = new AtomicReference<>();
        try {
            Future<CentralClient.Proof> proof = ahead.submit(() -> {
                CentralClient client = new CentralClient(central, Duration.ofSeconds(30));
                made.set(client);
                return client.prove(user, password);
            });
            try (LocalStore store = LocalStore.open(options.dataDirectory(), LocalStore.AtClose.QUICK)) {
                Catalog catalog = CatalogLoader.loadBuiltIn();
                CentralClient.Proof madeProof = await(proof);
                Synchronizer sync = new Synchronizer(store, made.get(), catalog, clock).pushBatch(batch);
                Synchronizer.Report r = sync.run(madeProof, p -> LOG.debug("{} {}", p.phase(), p.fraction()));
                out.println(texts.msg(
                        "sync.done",
                        r.pushed(),
                        r.applied(),
                        r.rejected(),
                        r.conflicts(),
                        r.pulled(),
                        r.pendingLeft()));
                if (r.startedOver()) {
                    out.println(texts.msg("sync.startedOver"));
                }
                if (r.sentAgain() > 0) {
                    out.println(texts.msg("sync.sentAgain", r.sentAgain()));
                }
                // each year with its rule, the first few only: a store may send many it cannot have
                int named = Synchronizer.YearLeftOut.NAMED;
                r.calendarLeftOut().stream()
                        .limit(named)
                        .forEach(
                                y -> out.println(texts.msg("sync.calendarLeftOut", y.year(), texts.describe(y.why()))));
                if (r.calendarLeftOut().size() > named) {
                    out.println(texts.msg(
                            "sync.calendarLeftOutMore", r.calendarLeftOut().size() - named));
                }
                if (r.setAside() > 0) {
                    out.println(texts.msg("sync.setAside", r.setAside()));
                }
                if (r.leftBehind() > 0) {
                    out.println(texts.msg("sync.leftBehind", r.leftBehind()));
                }
                if (r.held() > 0) {
                    out.println(texts.msg("sync.held", r.held()));
                }
                if (r.calendarYears() > 0) {
                    out.println(texts.msg("sync.calendarYears", r.calendarYears()));
                }
                return 0;
            }
        } catch (CentralClient.Unreachable e) {
            LOG.warn(ErrorIds.TOLD, "Sync did not reach the central store", e);
            err.println(texts.msg("sync.unreachable", e.url()));
            return 2;
        } catch (CentralClient.Refused e) {
            // someone else answering at the address refused nothing: "not synced", not "the central store refused"
            String said = CentralClient.NOT_CENTRAL.equals(e.code()) ? "sync.status.refused" : "sync.refused";
            err.println(texts.msg(said, FailureWords.of(texts, LOG, "Sync refused", e)));
            return 2;
        } catch (IOException e) {
            LOG.warn(ErrorIds.TOLD, "Sync failed", e);
            err.println(texts.msg("sync.unreachable", central));
            return 2;
        } catch (RuntimeException e) {
            // this PC's database or disk, not the network: said as such, with the way to the detail
            LOG.error(ErrorIds.TOLD, "Sync stopped by an error on this PC", e);
            err.println(texts.msg("sync.localError"));
            return 2;
        } finally {
            ahead.shutdownNow();
            CentralClient client = made.get();
            if (client != null) {
                client.close(); // or the JVM's exit waits 0.3 s for its selector thread
            }
        }
    }

    /** The password's proof, made on a thread of its own while the store opens; its failure as the sign-in's own. */
    private static CentralClient.Proof await(Future<CentralClient.Proof> made) throws IOException {
        try {
            return made.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while signing in");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
