package org.reliefdesk.app;

import java.util.Arrays;

import org.reliefdesk.cli.ReliefDeskCli;
import org.reliefdesk.gui.WorkbenchApp;
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
        // Logback reads this when the first logger is made, so it must be set first.
        System.setProperty("reliefdesk.logDir",
                DataDirectory.logsOf(DataDirectory.resolve(optionValue(args, "--data-dir"))).toString());
        if (args.length > 0 && ReliefDeskCli.isCommand(args[0])) {
            System.exit(ReliefDeskCli.run(args));
        }
        WorkbenchApp.launchWith(args);
    }

    private static String optionValue(String[] args, String name) {
        int i = Arrays.asList(args).indexOf(name);
        if (i >= 0 && i + 1 < args.length) {
            return args[i + 1];
        }
        return Arrays.stream(args).filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1))
                .findFirst().orElse(null);
    }
}
