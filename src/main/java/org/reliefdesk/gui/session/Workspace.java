package org.reliefdesk.gui.session;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.logic.catalog.PlaceDirectory;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.store.AttachmentStore;
import org.reliefdesk.store.TicketActions;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.store.ImportReport;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.TicketImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import org.reliefdesk.central.CentralServer;
import org.reliefdesk.central.CentralStore;
import org.reliefdesk.logic.queue.TicketScope;

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
     * First start on the embedded default: the demo users, and the sample county generated
     * as of today (so its work is always current) and imported through the normal importer.
     * Runs off the FX thread; {@code progress} gets a fraction from 0 to 1.
     */
    public void prepare(DoubleConsumer progress) throws IOException {
        switch (config.central().mode()) {
            case REMOTE -> centralUrl = config.central().url();
            case EMBEDDED -> {
                store.users().addMissing(DemoUsers.all());
                startEmbedded(progress);
            }
            case OFF -> {
                store.users().addMissing(DemoUsers.all());
                importSample(progress);
            }
        }
    }

    /** The central store this workspace syncs with, or null when it does not sync. */
    public String centralUrl() {
         return centralUrl;
    }

    private String centralUrl;
    private CentralStore embeddedStore;
    private CentralServer embeddedServer;

    /**
     * The embedded demo: a central store in {@code <data dir>/central} on loopback, with the demo
     * users and the sample county. A PC that already holds tickets (from before it synced) gives
     * the embedded store those, so the county is not there twice; otherwise the sample is made
     * as of today. The local store then fills by pulling, as from a real central store.
     */
    private void startEmbedded(DoubleConsumer progress) throws IOException {
        Path dir = config.dataDir().resolve("central");
        Files.createDirectories(dir);
        embeddedStore = CentralStore.open("jdbc:h2:file:" + dir.resolve("central").toAbsolutePath(),
                catalog, config.clock());
        embeddedStore.users().addMissing(DemoUsers.all(), DemoUsers.DEMO_PASSWORD.toCharArray(), config.clock().instant());
        // the demo stands for a whole province: its administrator also keeps the holiday years
        embeddedStore.calendarEditors(List.of(DemoUsers.ADMIN.username()));
        if (embeddedStore.tickets().count() == 0) {
            TicketLineCodec codec = new TicketLineCodec(catalog);
            List<String> lines;
            if (store.tickets().count() > 0) {
                lines = store.tickets().counties().stream()
                        .flatMap(c -> store.tickets().list(new TicketScope(c.code(), null, null))
                                .stream())
                        .map(t -> codec.write(new TicketHistory(t, store.tickets().events(t.id())))).toList();
            } else {
                lines = new SampleGenerator(catalog).generate(SampleGenerator.DEFAULT_SEED, config.clock().instant(),
                        config.sampleCount()).stream().map(codec::write).toList();
            }
            progress.accept(0.5);
            LocalDate today = LocalDate.now(config.clock().withZone(SampleGenerator.ZONE));
            var intake = embeddedStore.tickets().intake(new BufferedReader(new StringReader(String.join("\n", lines))),
                    null, today, config.clock().instant());
            LOG.info("Embedded central store filled: {} tickets, {} refused", intake.added(), intake.rejected().size());
        }
        try {
            embeddedServer = CentralServer.start(embeddedStore, "127.0.0.1", 0);
        } catch (Exception e) {
            throw new IOException("the embedded central store did not start: " + e.getMessage(), e);
        }
         centralUrl = embeddedServer.url();
        progress.accept(1.0);
    }

    /** No sync: the sample county imported straight into the local store (first start only). */
    private void importSample(DoubleConsumer progress) throws IOException {
        if (store.tickets().count() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(config.clock().withZone(SampleGenerator.ZONE));
        List<TicketHistory> sample = new SampleGenerator(catalog)
                .generate(SampleGenerator.DEFAULT_SEED, config.clock().instant(), config.sampleCount());
        TicketLineCodec codec = new TicketLineCodec(catalog);
        String lines = sample.stream().map(codec::write).collect(Collectors.joining("\n"));
        int total = sample.size();
        IntConsumer onLines = n -> progress.accept((double) n / total);
        ImportReport report = new TicketImporter(store, codec, today)
                .importLines(new BufferedReader(new StringReader(lines)), onLines);
        LOG.info("Sample county loaded: {} imported, {} skipped, {} rejected",
                report.imported(), report.skipped(), report.rejected().size());
    }

    @Override
    public void close() {
        if (embeddedServer != null) {
            try {
                embeddedServer.close();
            } catch (Exception e) {
                LOG.warn("Embedded central store did not stop cleanly", e);
            }
        }
        if (embeddedStore != null) {
            embeddedStore.close();
        }
        store.close();
    }
}
