package org.reliefdesk.gui.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.reliefdesk.central.CentralServer;
import org.reliefdesk.central.CentralStore;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Department;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;
import org.reliefdesk.store.ImportReport;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.People;
import org.reliefdesk.store.TicketImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo: the only place the GUI meets the demo county and its users. On the embedded default
 * a central store on loopback holds the demo users and the sample county; with sync off the
 * sample is imported into the local store. Both only on a first start (nothing there yet).
 */
public final class DemoBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(DemoBootstrap.class);

    private DemoBootstrap() {}

    /** The embedded central store and its server, closed with the workspace. */
    public record Embedded(CentralStore store, CentralServer server) implements AutoCloseable {
        @Override
        public void close() {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("Embedded central store did not stop cleanly", e);
            }
            store.close();
        }
    }

    /** The other people the sample's histories name (not offered at sign-in). */
    private static List<User> colleagues(Catalog catalog) {
        return DemoUsers.colleagues(
                catalog.departments().stream().map(Department::code).toList());
    }

    /** Whether {@code u} is one of the demo users (who sign in on the embedded store without typing a password). */
    public static boolean isDemoUser(User u) {
        return DemoUsers.all().contains(u);
    }

    /** The demo users' password (documented in the README; the embedded store only). */
    public static char[] demoPassword() {
        return DemoUsers.DEMO_PASSWORD.toCharArray();
    }

    /** Who the smoke test signs in as: the leader sees the whole county. */
    public static User smokeTestUser() {
        return DemoUsers.LEADER;
    }

    /**
     * The embedded demo: a central store in {@code <data dir>/central} on loopback, with the demo
     * users and the sample county. A PC that already holds tickets (from before it synced) gives
     * the embedded store those, so the county is not there twice; otherwise the sample is made
     * as of today. The local store then fills by pulling, as from a real central store.
     */
    static Embedded startEmbedded(AppConfig config, Catalog catalog, LocalStore store, DoubleConsumer progress)
            throws IOException {
        store.users().addMissing(DemoUsers.all());
        Path dir = config.dataDir().resolve("central");
        Files.createDirectories(dir);
        CentralStore central =
                CentralStore.open("jdbc:h2:file:" + dir.resolve("central").toAbsolutePath(), catalog, config.clock());
        List<User> demoAccounts = new ArrayList<>(DemoUsers.all());
        demoAccounts.addAll(colleagues(catalog));
        central.users().addMissing(demoAccounts, demoPassword(), config.clock().instant());
        // the demo stands for a whole province: its administrator also keeps the holiday years
        central.calendarEditors(List.of(DemoUsers.ADMIN.username()));
        if (central.tickets().count() == 0) {
            TicketLineCodec codec = new TicketLineCodec(catalog);
            List<String> lines;
            if (store.tickets().count() > 0) {
                lines = store.tickets().counties().stream()
                        .flatMap(c -> store.tickets().list(new TicketScope(c.code(), null, null)).stream())
                        .map(t ->
                                codec.write(new TicketHistory(t, store.tickets().events(t.id()))))
                        .toList();
            } else {
                lines = new SampleGenerator(catalog)
                        .generate(SampleGenerator.DEFAULT_SEED, config.clock().instant(), config.sampleCount()).stream()
                                .map(codec::write)
                                .toList();
            }
            progress.accept(0.5);
            LocalDate today = LocalDate.now(config.clock().withZone(ChinaTime.ZONE));
            var intake = central.tickets()
                    .intake(
                            new BufferedReader(new StringReader(String.join("\n", lines))),
                            null,
                            today,
                            config.clock().instant());
            LOG.info(
                    "Embedded central store filled: {} tickets, {} refused",
                    intake.added(),
                    intake.rejected().size());
        }
        CentralServer server;
        try {
            server = CentralServer.start(central, "127.0.0.1", 0);
        } catch (Exception e) {
            central.close();
            throw new IOException("the embedded central store did not start: " + e.getMessage(), e);
        }
        progress.accept(1.0);
        return new Embedded(central, server);
    }

    /** No sync: the demo users, and the sample county imported straight into the local store (first start only). */
    static void importSample(AppConfig config, Catalog catalog, LocalStore store, DoubleConsumer progress)
            throws IOException {
        store.users().addMissing(DemoUsers.all());
        // no central store to list the county's people: the sample's own names them
        store.people()
                .replace(colleagues(catalog).stream()
                        .map(u -> new People.Person(u.username(), u.displayName()))
                        .toList());
        if (store.tickets().count() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(config.clock().withZone(ChinaTime.ZONE));
        List<TicketHistory> sample = new SampleGenerator(catalog)
                .generate(SampleGenerator.DEFAULT_SEED, config.clock().instant(), config.sampleCount());
        TicketLineCodec codec = new TicketLineCodec(catalog);
        String lines = sample.stream().map(codec::write).collect(Collectors.joining("\n"));
        int total = sample.size();
        IntConsumer onLines = n -> progress.accept((double) n / total);
        ImportReport report = new TicketImporter(store, codec, today)
                .importLines(new BufferedReader(new StringReader(lines)), onLines);
        LOG.info(
                "Sample county loaded: {} imported, {} skipped, {} rejected",
                report.imported(),
                report.skipped(),
                report.rejected().size());
    }
}
