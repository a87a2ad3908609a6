package org.reliefdesk.gui.session;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.reliefdesk.logic.config.DataDirectory;
import org.reliefdesk.logic.config.Settings;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.store.LocalBackups;

/**
 * What the workbench starts with: data directory, language, clock, demo sample size, and how
 * files are picked for attachments and opened for viewing (the system's chooser and viewer;
 * tests give their own).
 */
public record AppConfig(
        Path dataDir,
        Texts texts,
        Clock clock,
        int sampleCount,
        FilePicker filePicker,
        FileOpener fileOpener,
        FileSaver fileSaver,
        Central central,
        boolean smokeTest,
        Path backupDir,
        boolean firstRun,
        Duration idleLock) {

    /** The operating system's file chooser. */
    public static final FilePicker SYSTEM_PICKER = owner -> {
        List<File> chosen = new FileChooser().showOpenMultipleDialog(owner);
        return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
    };

    /**
     * The desktop's own opener, started as a process: {@code xdg-open} on Linux (UOS, Kylin),
     * the shell's file handler on Windows, {@code open} on macOS. AWT's Desktop is not used: it
     * would start a second toolkit next to JavaFX.
     */
    public static final FileOpener SYSTEM_OPENER = file -> {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win")
                ? List.of("rundll32", "url.dll,FileProtocolHandler", file.toString())
                : os.contains("mac") ? List.of("open", file.toString()) : List.of("xdg-open", file.toString());
        try {
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new NoViewerException(file, e);
        }
    };

    /**
     * The operating system's save dialog, adding the extension if left out: in the folder saved to
     * last in this session, else the user's documents folder (文档 or Documents), else their home —
     * never the program's working directory.
     */
    public static final FileSaver SYSTEM_SAVER = (owner, name, extension) -> {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        File start = SaveFolder.last != null ? SaveFolder.last : SaveFolder.documents();
        if (start != null && start.isDirectory()) {
            chooser.setInitialDirectory(start);
        }
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT), "*." + extension));
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        Path path = file.toPath();
        SaveFolder.last = file.getParentFile();
        return Optional.of(
                path.toString().toLowerCase(Locale.ROOT).endsWith("." + extension)
                        ? path
                        : path.resolveSibling(path.getFileName() + "." + extension));
    };

    public AppConfig(
            Path dataDir,
            Texts texts,
            Clock clock,
            int sampleCount,
            FilePicker filePicker,
            FileOpener fileOpener,
            FileSaver fileSaver) {
        this(
                dataDir,
                texts,
                clock,
                sampleCount,
                filePicker,
                fileOpener,
                fileSaver,
                Central.OFF,
                false,
                LocalBackups.defaultFolder(dataDir),
                false,
                Duration.ofMinutes(Settings.DEFAULT_LOCK_MINUTES));
    }

    public AppConfig(
            Path dataDir, Texts texts, Clock clock, int sampleCount, FilePicker filePicker, FileOpener fileOpener) {
        this(dataDir, texts, clock, sampleCount, filePicker, fileOpener, SYSTEM_SAVER);
    }

    public AppConfig(Path dataDir, Texts texts, Clock clock, int sampleCount, FilePicker filePicker) {
        this(dataDir, texts, clock, sampleCount, filePicker, SYSTEM_OPENER);
    }

    public AppConfig(Path dataDir, Texts texts, Clock clock, int sampleCount) {
        this(dataDir, texts, clock, sampleCount, SYSTEM_PICKER);
    }

    /**
     * Where the workbench syncs. {@link Mode#EMBEDDED}: a central store started on loopback in the
     * data directory, holding the sample county (the default, so a first run shows sync);
     * {@link Mode#REMOTE}: the county's central store at {@code url}, with password sign-in;
     * {@link Mode#OFF}: no sync at all, the sample imported straight into the local store.
     */
    public record Central(Mode mode, String url, Duration every) {

        /** How often the workbench syncs by itself unless told otherwise. */
        public static final Duration DEFAULT_EVERY = Duration.ofMinutes(5);

        public static final Central OFF = new Central(Mode.OFF, null, DEFAULT_EVERY);

        public enum Mode {
            OFF,
            EMBEDDED,
            REMOTE
        }

        public static Central embedded() {
            return new Central(Mode.EMBEDDED, null, DEFAULT_EVERY);
        }

        public static Central remote(String url) {
            return new Central(Mode.REMOTE, url, DEFAULT_EVERY);
        }
    }

    public AppConfig withCentral(Central c) {
        return new AppConfig(
                dataDir,
                texts,
                clock,
                sampleCount,
                filePicker,
                fileOpener,
                fileSaver,
                c,
                smokeTest,
                backupDir,
                firstRun,
                idleLock);
    }

    /** This config locking the window after {@code idle} without a key or a click (zero: never). */
    public AppConfig withIdleLock(Duration idle) {
        return new AppConfig(
                dataDir,
                texts,
                clock,
                sampleCount,
                filePicker,
                fileOpener,
                fileSaver,
                central,
                smokeTest,
                backupDir,
                firstRun,
                idle);
    }

    /** This config as the first-start page chose it (the command line's other options kept). */
    public AppConfig withSettings(Settings s) {
        return new AppConfig(
                s.dataDir(),
                Texts.forLanguage(s.language()),
                clock,
                sampleCount,
                filePicker,
                fileOpener,
                fileSaver,
                centralOf(s.central(), Duration.ofMinutes(s.syncMinutes())),
                smokeTest,
                s.backupDir(),
                false,
                Duration.ofMinutes(s.lockMinutes()));
    }

    /** The value of {@code --name VALUE} or {@code --name=VALUE}, or null when not given. */
    public static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i >= 0 && i + 1 < args.size()) {
            return args.get(i + 1);
        }
        return args.stream()
                .filter(a -> a.startsWith(name + "="))
                .map(a -> a.substring(name.length() + 1))
                .findFirst()
                .orElse(null);
    }

    private static Central centralOf(String central, Duration every) {
        return central == null || central.isBlank() || Settings.EMBEDDED.equals(central)
                ? new Central(Central.Mode.EMBEDDED, null, every)
                : "off".equalsIgnoreCase(central)
                        ? new Central(Central.Mode.OFF, null, every)
                        : new Central(Central.Mode.REMOTE, central, every);
    }

    /** Chooses files to attach, given the window asking. */
    public interface FilePicker {
        List<Path> pick(Window owner);
    }

    /** Shows a stored file in the program the system uses for it (photo viewer, PDF reader). */
    public interface FileOpener {
        void open(Path file) throws IOException;
    }

    /** Asks where to save a file: the suggested name, and the extension it must have ("xlsx", "pdf"). */
    public interface FileSaver {
        Optional<Path> save(Window owner, String suggestedName, String extension);
    }

    /**
     * Reads {@code --data-dir DIR}, {@code --lang zh|en}, {@code --central URL|off} (default: the
     * embedded demo central store), {@code --sync-minutes N}, either as two words or with '=', and
     * {@code --smoke-test}; what the command line leaves open comes from the saved settings. With
     * neither settings nor these options (a first start), {@link #firstRun()} is true.
     */
    public static AppConfig fromArgs(List<String> args, Optional<Settings> saved) {
        String dataDir = option(args, "--data-dir");
        String lang = option(args, "--lang");
        String central = option(args, "--central");
        String minutesText = option(args, "--sync-minutes");
        Long minutes = minutesText == null ? null : Long.valueOf(minutesText);
        boolean smoke = args.contains("--smoke-test");
        boolean firstRun = saved.isEmpty() && dataDir == null && central == null && !smoke;
        Path dir = dataDir != null
                ? DataDirectory.resolve(dataDir)
                : saved.map(Settings::dataDir).orElse(DataDirectory.resolve(null));
        String language = lang != null ? lang : saved.map(Settings::language).orElse("zh");
        String chosen = central != null ? central : saved.map(Settings::central).orElse(null);
        long every = minutes != null
                ? minutes
                : saved.map(s -> (long) s.syncMinutes()).orElse(Central.DEFAULT_EVERY.toMinutes());
        // a data directory given on the command line keeps its backups with it
        Path backups = dataDir == null && saved.isPresent() ? saved.get().backupDir() : LocalBackups.defaultFolder(dir);
        return new AppConfig(
                dir,
                Texts.forLanguage(language),
                Clock.system(ChinaTime.ZONE),
                SampleGenerator.DEFAULT_COUNT,
                SYSTEM_PICKER,
                SYSTEM_OPENER,
                SYSTEM_SAVER,
                centralOf(chosen, Duration.ofMinutes(Math.max(1, every))),
                smoke,
                backups,
                firstRun,
                Duration.ofMinutes(saved.map(Settings::lockMinutes).orElse(Settings.DEFAULT_LOCK_MINUTES)));
    }

    /** Where save dialogs open. */
    static final class SaveFolder {
        /** The folder saved to last in this session (the FX thread only). */
        static File last;

        private SaveFolder() {}

        static File documents() {
            File home = new File(System.getProperty("user.home"));
            for (String name : List.of("文档", "Documents")) {
                File f = new File(home, name);
                if (f.isDirectory()) {
                    return f;
                }
            }
            return home;
        }
    }
}
