package org.reliefdesk.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.reliefdesk.cli.ReliefDeskCli;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.shell.WorkbenchApp;
import org.reliefdesk.logic.config.DataDirectory;
import org.reliefdesk.logic.config.Settings;
import org.slf4j.LoggerFactory;

/**
 * The one entry point. With a command ({@code generate-sample}, {@code import}, …) it runs
 * headless; otherwise it opens the workbench. Not a JavaFX Application itself, so the fat
 * jar starts on a plain class path.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        H2Settings.apply(); // before anything loads H2
        Path smokeFolder = smokeTestFolder(args);
        if (smokeFolder != null) {
            args = Arrays.copyOf(args, args.length + 2);
            args[args.length - 2] = "--data-dir";
            args[args.length - 1] = smokeFolder.toString();
        }
        // Logback reads this when the first logger is made, so it must be set first.
        // The saved settings (data directory, log detail) unless the command line says otherwise.
        Optional<Settings> saved = Optional.empty();
        Exception unreadable = null;
        try {
            saved = Settings.load(Settings.file());
        } catch (IOException | RuntimeException e) {
            // A settings file nobody can read must not keep the program from starting: the defaults,
            // and the first-start page asks again (logged once logging knows where to write).
            unreadable = e;
        }
        String dataDir = AppConfig.option(Arrays.asList(args), "--data-dir");
        saved.ifPresent(
                st -> System.setProperty(DataDirectory.CHOSEN, st.dataDir().toString()));
        System.setProperty(
                DataDirectory.LOG_DIR,
                DataDirectory.logsOf(
                                dataDir != null
                                        ? DataDirectory.resolve(dataDir)
                                        : saved.map(Settings::dataDir).orElse(DataDirectory.resolve(null)))
                        .toString());
        System.setProperty("reliefdesk.logLevel", saved.map(Settings::logLevel).orElse("INFO"));
        if (unreadable != null) {
            LoggerFactory.getLogger(Main.class)
                    .warn("Settings in {} not read; the first-start page asks again", Settings.file(), unreadable);
        }
        Optional<String[]> command = ReliefDeskCli.commandLine(args);
        if (command.isPresent()) {
            System.exit(ReliefDeskCli.run(command.get()));
        }
        saved.map(Settings::uiScale).filter(percent -> percent > 0).ifPresent(Main::drawAt);
        WorkbenchApp.launchWith(args, saved);
        // The window closed: 0, unless a smoke test failed (its folder then kept, for its logs).
        int exitCode = WorkbenchApp.exitCode();
        if (smokeFolder != null && exitCode == 0) {
            SmokeTestFolder.remove(smokeFolder);
        }
        System.exit(exitCode);
    }

    /**
     * Draws every screen at {@code percent} (a high-DPI screen the system does not report, or a
     * person who reads better larger). JavaFX reads these before its first window, once per start;
     * a scale given on the command line ({@code -Dglass.win.uiScale=…}) wins.
     */
    private static void drawAt(int percent) {
        if (System.getProperty("glass.win.uiScale") == null) {
            System.setProperty("glass.win.uiScale", percent + "%");
        }
        if (System.getProperty("glass.gtk.uiScale") == null) {
            System.setProperty("glass.gtk.uiScale", String.valueOf(percent / 100.0));
        }
    }

    /**
     * A smoke test starts like a first install: on a fresh data directory (logs included), never
     * the user's own, unless {@code --data-dir} names one; null when there is no such folder to make.
     */
    private static Path smokeTestFolder(String[] args) {
        if (!Arrays.asList(args).contains("--smoke-test")
                || AppConfig.option(Arrays.asList(args), "--data-dir") != null) {
            return null;
        }
        return SmokeTestFolder.create();
    }
}
