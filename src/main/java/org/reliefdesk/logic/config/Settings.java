package org.reliefdesk.logic.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.reliefdesk.logic.FileTroubleException;
import org.reliefdesk.model.InvalidFieldException;

/**
 * A PC's settings, chosen at the first start and changed on the settings page: where the data
 * lives, which central store to sync with (the embedded demo, none, or a URL), how often, the
 * language, the backup folder and the log level. Kept in a small file outside the data directory
 * (the data directory is one of them); command-line options override it.
 *
 * @param central {@code "embedded"}, {@code "off"} or an http(s) URL
 * @param lockMinutes idle minutes after which the window locks (offices share PCs); 0: never
 * @param uiScale how large the screen is drawn, in percent (125, 150 on a high-DPI screen); 0: as
 *     the system says. Taken when the program starts.
 */
public record Settings(
        Path dataDir,
        String central,
        int syncMinutes,
        String language,
        Path backupDir,
        String logLevel,
        int lockMinutes,
        int uiScale) {

    public static final String EMBEDDED = "embedded";
    public static final String OFF = "off";
    public static final Set<String> LOG_LEVELS = Set.of("ERROR", "WARN", "INFO", "DEBUG");
    /** A shared office PC locks after a quarter of an hour without a key or a click. */
    public static final int DEFAULT_LOCK_MINUTES = 15;

    /** The scales a screen can be drawn at, in percent; 0 follows the system's setting. */
    public static final List<Integer> UI_SCALES = List.of(0, 100, 125, 150, 175, 200);

    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?(/\\S*)?");

    /** Settings with the default idle lock. */
    public Settings(Path dataDir, String central, int syncMinutes, String language, Path backupDir, String logLevel) {
        this(dataDir, central, syncMinutes, language, backupDir, logLevel, DEFAULT_LOCK_MINUTES);
    }

    /** Settings that draw the screen at the system's scale. */
    public Settings(
            Path dataDir,
            String central,
            int syncMinutes,
            String language,
            Path backupDir,
            String logLevel,
            int lockMinutes) {
        this(dataDir, central, syncMinutes, language, backupDir, logLevel, lockMinutes, 0);
    }

    /** What a first start proposes: the OS's data folder, the embedded demo, every 5 minutes, Chinese. */
    public static Settings defaults() {
        return defaults("zh");
    }

    /**
     * The same in {@code language} ("zh" or "en"): a first start in English (--lang en) proposes
     * English, not the Chinese it would otherwise save for the next start.
     */
    public static Settings defaults(String language) {
        Path data = DataDirectory.resolve(null);
        return new Settings(data, EMBEDDED, 5, language, data.resolve("backups"), "INFO");
    }

    /** These settings with another central store (checked when saved). */
    public Settings withCentral(String otherCentral) {
        return new Settings(dataDir, otherCentral, syncMinutes, language, backupDir, logLevel, lockMinutes, uiScale);
    }

    /** @throws InvalidFieldException naming the setting and the rule */
    public Settings checked() {
        if (dataDir == null || dataDir.toString().isBlank()) {
            throw new InvalidFieldException("settings.dataDir", "rule.required");
        }
        if (central == null
                || !(EMBEDDED.equals(central)
                        || OFF.equals(central)
                        || URL.matcher(central).matches())) {
            throw new InvalidFieldException("settings.central", "rule.settings.url");
        }
        if (syncMinutes < 1 || syncMinutes > 1440) {
            throw new InvalidFieldException("settings.syncMinutes", "rule.range", 1, 1440);
        }
        if (!"zh".equals(language) && !"en".equals(language)) {
            throw new InvalidFieldException("settings.language", "rule.oneOf", "zh, en");
        }
        if (backupDir == null || backupDir.toString().isBlank()) {
            throw new InvalidFieldException("settings.backupDir", "rule.required");
        }
        if (logLevel == null || !LOG_LEVELS.contains(logLevel)) {
            throw new InvalidFieldException("settings.logLevel", "rule.oneOf", "ERROR, WARN, INFO, DEBUG");
        }
        if (lockMinutes < 0 || lockMinutes > 480) {
            throw new InvalidFieldException("settings.lockMinutes", "rule.range", 0, 480);
        }
        if (!UI_SCALES.contains(uiScale)) {
            throw new InvalidFieldException("settings.uiScale", "rule.oneOf", "0, 100, 125, 150, 175, 200");
        }
        return this;
    }

    /**
     * Where the settings file is: {@code %APPDATA%\ReliefDesk\settings.properties} on Windows,
     * {@code ~/Library/Preferences/ReliefDesk/} on macOS, {@code $XDG_CONFIG_HOME/reliefdesk/}
     * (else {@code ~/.config/reliefdesk/}) on Linux. {@code reliefdesk.settings} (a system property)
     * names another file.
     */
    public static Path file() {
        String override = System.getProperty("reliefdesk.settings");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return fileFor(System.getProperty("os.name", ""), System.getProperty("user.home"), System.getenv());
    }

    public static Path fileFor(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String roaming = env.get("APPDATA");
            return Path.of(
                    roaming != null ? roaming : home + "\\AppData\\Roaming", "ReliefDesk", "settings.properties");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Preferences", "ReliefDesk", "settings.properties");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve("reliefdesk").resolve("settings.properties");
    }

    /** The saved settings, or empty on a PC where ReliefDesk was never set up. */
    public static Optional<Settings> load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Settings d = defaults();
        Path data = Path.of(p.getProperty("dataDir", d.dataDir().toString()));
        int minutes = integer(p, "syncMinutes", 5);
        int lock = integer(p, "lockMinutes", DEFAULT_LOCK_MINUTES);
        int scale = integer(p, "uiScale", 0);
        return Optional.of(new Settings(
                        data,
                        p.getProperty("central", EMBEDDED).strip(),
                        minutes,
                        p.getProperty("language", "zh").strip(),
                        Path.of(p.getProperty(
                                "backupDir", data.resolve("backups").toString())),
                        p.getProperty("logLevel", "INFO").strip().toUpperCase(Locale.ROOT),
                        lock,
                        scale)
                .checked());
    }

    private static int integer(Properties p, String name, int otherwise) {
        try {
            return Integer.parseInt(
                    p.getProperty(name, Integer.toString(otherwise)).strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("settings." + name, "rule.form.integer");
        }
    }

    /** Writes the settings whole or not at all (a temporary file moved into place). */
    public void save(Path file) throws IOException {
        checked();
        Properties p = new Properties();
        p.setProperty("dataDir", dataDir.toString());
        p.setProperty("central", central);
        p.setProperty("syncMinutes", Integer.toString(syncMinutes));
        p.setProperty("language", language);
        p.setProperty("backupDir", backupDir.toString());
        p.setProperty("logLevel", logLevel);
        p.setProperty("lockMinutes", Integer.toString(lockMinutes));
        p.setProperty("uiScale", Integer.toString(uiScale));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(
                        out,
                        "ReliefDesk settings (the settings page writes this file; command-line options override it)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw FileTroubleException.of(file, e);
        }
    }
}
