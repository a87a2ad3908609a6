package org.reliefdesk.logic.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a user's data lives when no {@code --data-dir} is given: the usual per-user
 * application-data folder of the operating system.
 * <ul>
 *   <li>Windows: {@code %LOCALAPPDATA%\ReliefDesk}</li>
 *   <li>macOS: {@code ~/Library/Application Support/ReliefDesk}</li>
 *   <li>Linux (UOS, Kylin, …): {@code $XDG_DATA_HOME/reliefdesk}, else {@code ~/.local/share/reliefdesk}</li>
 * </ul>
 */
public final class DataDirectory {

    /** System property holding the data directory chosen in the settings. */
    public static final String CHOSEN = "reliefdesk.dataDir";

    /** System property holding the folder the log files go to, set by the app entry before logging starts. */
    public static final String LOG_DIR = "reliefdesk.logDir";

    /** The current log file's name in {@link #logsOf} (older days are rolled to dated names beside it). */
    public static final String LOG_FILE = "reliefdesk.log";

    private DataDirectory() {}

    public static Path resolve(String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        // The saved settings' choice, passed on by the app entry to every command and the window.
        String chosen = System.getProperty(CHOSEN);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen).toAbsolutePath();
        }
        return defaultFor(System.getProperty("os.name", ""), System.getProperty("user.home"), System.getenv());
    }

    static Path defaultFor(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return Path.of(local != null ? local : home + "\\AppData\\Local", "ReliefDesk");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "ReliefDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank()
                ? Path.of(xdg, "reliefdesk")
                : Path.of(home, ".local", "share", "reliefdesk");
    }

    /** Log files live beside the data, so a clerk can send one folder to support. */
    public static Path logsOf(Path dataDir) {
        return dataDir.resolve("logs");
    }

    /** The log file this program writes, where logging was set up ({@link #LOG_DIR}); empty when it was not (tests). */
    public static Optional<Path> logFile() {
        return Optional.ofNullable(System.getProperty(LOG_DIR))
                .map(dir -> Path.of(dir).resolve(LOG_FILE));
    }

    /** The log file a person is told of: {@link #logFile()}, else {@code dataDir}'s. */
    public static Path logFile(Path dataDir) {
        return logFile().orElse(logsOf(dataDir).resolve(LOG_FILE));
    }
}
