package org.reliefdesk.gui.session;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.reliefdesk.gui.common.DirectUiTasks;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.store.LocalStore;

/**
 * A workspace for view-model tests: a real local store (an H2 file under the test's folder),
 * the demo users, the sample county generated as of noon on a day, and every piece of work run
 * at once on the test's thread ({@link DirectUiTasks}). No window.
 */
public final class TestWorkspaces {

    /** The day the sample county is generated as of (a Wednesday, working hours). */
    public static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    private TestWorkspaces() {}

    /** The demo county of {@code tickets} tickets, sync off, in Chinese. */
    public static Workspace demo(Path dir, int tickets) throws IOException {
        return demo(
                dir,
                tickets,
                Texts.CHINESE,
                AppConfig.Central.OFF,
                (owner, name, ext) -> Optional.empty(),
                owner -> List.of());
    }

    public static Workspace demo(
            Path dir,
            int tickets,
            Locale language,
            AppConfig.Central central,
            AppConfig.FileSaver saver,
            AppConfig.FilePicker picker)
            throws IOException {
        Clock clock = Clock.fixed(SampleGenerator.noon(DAY), ChinaTime.ZONE);
        AppConfig config = new AppConfig(
                        dir,
                        new Texts(language),
                        clock,
                        tickets,
                        picker,
                        file -> {
                            throw new IOException("no viewer in tests");
                        },
                        saver)
                .withCentral(central);
        Workspace w = new Workspace(config, CatalogLoader.loadBuiltIn(), LocalStore.open(dir), new DirectUiTasks());
        if (central.mode() == AppConfig.Central.Mode.OFF) {
            w.prepare(p -> {});
        } else {
            DemoBootstrap.importSample(config, w.catalog, w.store, p -> {});
            w.prepare(p -> {});
        }
        return w;
    }

    /** A PC in Chinese set to sync with a central store that cannot be reached: offline, its work waiting. */
    public static Workspace syncingOffline(Path dir, int tickets) throws IOException {
        return demo(
                dir,
                tickets,
                Texts.CHINESE,
                AppConfig.Central.remote(nobodyListening()),
                (owner, name, ext) -> Optional.empty(),
                owner -> List.of());
    }

    /** A loopback address nobody listens on: a central store that cannot be reached. */
    public static String nobodyListening() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }
}
