package org.reliefdesk.gui.session;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.PlaceDirectory;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.User;
import org.reliefdesk.store.AttachmentStore;
import org.reliefdesk.store.LocalBackups;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.TicketActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the open workbench works on: the config, the catalog and the local store.
 * {@link #prepare} fills an empty store with the demo county on first start.
 */
public final class Workspace implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    public final AppConfig config;
    public final Catalog catalog;
    public final LocalStore store;

    /** Where the screens of this workspace run their work. */
    public final UiTasks tasks;

    private final PlaceDirectory places = PlaceDirectory.loadBuiltIn();
    private final ScopeReadAhead readAhead = new ScopeReadAhead();

    /** Set by {@link #prepare}; a remote one may be changed from the sign-in screen ({@link #useCentral}). */
    private volatile String centralUrl;

    private DemoBootstrap.Embedded embedded;

    public Workspace(AppConfig config, Catalog catalog, LocalStore store, UiTasks tasks) {
        this.tasks = tasks;
        this.config = config;
        this.catalog = catalog;
        this.store = store;
    }

    /**
     * Clocks over the shipped years plus any an administrator added to {@code <data dir>/calendar};
     * read again on every load, so an imported year shows at the next refresh.
     */
    /** The scope read while the sign-in list shows, for the workbench that opens next. */
    public ScopeReadAhead readAhead() {
        return readAhead;
    }

    /** The places of the shipped reference data (the demo county among them). */
    public PlaceDirectory places() {
        return places;
    }

    public WorkflowEngine engine() {
        return new WorkflowEngine(catalog, config.clock());
    }

    public TicketActions actions() {
        return new TicketActions(store, engine());
    }

    public TicketOpening opening() {
        return new TicketOpening(catalog, config.clock());
    }

    public AttachmentStore attachments() {
        return new AttachmentStore(config.dataDir());
    }

    public TicketClocks clocks() {
        return new TicketClocks(catalog, CalendarLoader.load(config.dataDir()));
    }

    /**
     * Prepares the data this start works on (off the FX thread; {@code progress} gets 0 to 1): a
     * remote central store needs nothing here; the embedded one and the offline PC are set up by
     * the {@link DemoBootstrap}.
     */
    public void prepare(DoubleConsumer progress) throws IOException {
        switch (config.central().mode()) {
            case REMOTE -> centralUrl = config.central().url();
            case EMBEDDED -> {
                embedded = DemoBootstrap.startEmbedded(config, catalog, store, progress);
                centralUrl = embedded.server().url();
            }
            case OFF -> DemoBootstrap.importSample(config, catalog, store, progress);
        }
    }

    /**
     * While a person picks their name: the newest {@code firstScreen} tickets of the likely
     * person's scope with their clocks, kept for their workbench's first screen; then their whole
     * scope on the jobs lane (the store's stays free for the first screen of whoever signs in).
     */
    public void readAheadFor(List<User> known, String lastUser, int firstScreen) {
        Optional<User> likely = ScopeReadAhead.likelyUser(known, lastUser);
        if (likely.isEmpty()) {
            return;
        }
        TicketScope scope = TicketScope.of(likely.get(), catalog);
        readAhead.expect(scope);
        tasks.run(
                UiTasks.Lane.STORE,
                progress -> {
                    long started = System.nanoTime();
                    var screen = store.tickets().newest(scope, firstScreen);
                    var maker = clocks();
                    Instant now = config.clock().instant();
                    Map<UUID, TicketClock> computed = new HashMap<>();
                    screen.tickets()
                            .forEach(t -> computed.put(
                                    t.id(), maker.compute(t, screen.timelines().getOrDefault(t.id(), List.of()), now)));
                    readAhead.keepFirstScreen(
                            scope, firstScreen, new ScopeReadAhead.Read(screen.tickets(), computed, maker, now));
                    LOG.info("Read the first screen ahead in {} ms", (System.nanoTime() - started) / 1_000_000);
                    return null;
                },
                done -> {},
                error -> LOG.warn("Reading ahead failed (the workbench reads when it opens)", error));
        tasks.run(
                UiTasks.Lane.JOB,
                progress -> {
                    readAhead.read(store, clocks(), config.clock());
                    return null;
                },
                done -> {},
                error -> LOG.warn("Reading ahead failed (the workbench reads when it opens)", error));
    }

    /**
     * A backup shortly after start (once the first screen is up), then every 24 hours while open;
     * one that fails is handed to {@code missed} on the FX thread, to be said and logged there.
     */
    public void startBackups(Consumer<Throwable> missed) {
        tasks.every(UiTasks.Lane.HOUSEKEEPING, Duration.ofSeconds(30), Duration.ofHours(24), () -> {
            try {
                if (store.tickets().count() > 0) {
                    LocalBackups.backup(store, config.backupDir(), LocalBackups.DEFAULT_KEEP, config.clock());
                }
            } catch (IOException | RuntimeException ex) {
                tasks.later(() -> missed.accept(ex));
            }
        });
    }

    /** The central store this workspace syncs with, or null when it does not sync. */
    public String centralUrl() {
        return centralUrl;
    }

    /**
     * Syncs with the county's central store at {@code url} from now on (an address saved on the
     * sign-in screen); only for a workspace that syncs with a remote store.
     */
    public void useCentral(String url) {
        if (config.central().mode() != AppConfig.Central.Mode.REMOTE) {
            throw new IllegalStateException("only a remote central store's address can change");
        }
        centralUrl = url;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
        store.close();
    }
}
