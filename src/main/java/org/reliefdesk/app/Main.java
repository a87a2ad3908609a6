package org.reliefdesk.app;

import java.util.Arrays;

import org.reliefdesk.cli.ReliefDeskCli;
import org.reliefdesk.gui.shell.WorkbenchApp;
import org.reliefdesk.logic.config.DataDirectory;

/**
 * The one entry point. With a command ({@code generate-sample}, {@code import}, …) it runs
 * headless; otherwise it opens the workbench. Not a JavaFX Application itself, so the fat
 * jar starts on a plain class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        args = smokeTestDataDir(args);
        // Logback reads this when the first logger is made, so it must be set first.
        // The saved settings (data directory, log detail) unless the command line says otherwise.
        java.util.Optional<org.reliefdesk.logic.config.Settings> saved = java.util.Optional.empty();
        Exception unreadable = null;
        try {
            saved = org.reliefdesk.logic.config.Settings.load(org.reliefdesk.logic.config.Settings.file());
        } catch (java.io.IOException | RuntimeException e) {
            // A settings file nobody can read must not keep the program from starting: the defaults,
            // and the first-start page asks again (logged once logging knows where to write).
            unreadable = e;
        }
        String dataDir = org.reliefdesk.gui.session.AppConfig.option(Arrays.asList(args), "--data-dir");
        saved.ifPresent(st -> System.setProperty(DataDirectory.CHOSEN, st.dataDir().toString()));
        System.setProperty("reliefdesk.logDir", DataDirectory.logsOf(dataDir != null ? DataDirectory.resolve(dataDir)
                : saved.map(org.reliefdesk.logic.config.Settings::dataDir).orElse(DataDirectory.resolve(null))).toString());
        System.setProperty("reliefdesk.logLevel", saved.map(org.reliefdesk.logic.config.Settings::logLevel).orElse("INFO"));
        if (unreadable != null) {
            org.slf4j.LoggerFactory.getLogger(Main.class).warn("Settings in {} not read; the first-start page asks again",
                    org.reliefdesk.logic.config.Settings.file(), unreadable);
        }
        if (args.length > 0 && ReliefDeskCli.isCommand(args[0])) {
            System.exit(ReliefDeskCli.run(args));
        }
        WorkbenchApp.launchWith(args, saved);
        // The window closed: 0, unless a smoke test failed.
        System.exit(WorkbenchApp.exitCode());
    }

    /**
     * A smoke test starts like a first install: on a fresh data directory (logs included), never
     * the user's own, unless {@code --data-dir} names one.
     */
    private static String[] smokeTestDataDir(String[] args) {
        if (!Arrays.asList(args).contains("--smoke-test") || org.reliefdesk.gui.session.AppConfig.option(Arrays.asList(args), "--data-dir") != null) {
            return args;
        }
        try {
            String dir = java.nio.file.Files.createTempDirectory("reliefdesk-smoke-").toString();
            String[] more = Arrays.copyOf(args, args.length + 2);
            more[args.length] = "--data-dir";
            more[args.length + 1] = dir;
            return more;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no temporary folder for the smoke test", e);
        }
    }
}
