package org.reliefdesk.gui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.reliefdesk.logic.config.DataDirectory;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.SampleGenerator;

/**
 * What the workbench starts with: data directory, language, clock, demo sample size, and how
 * files are picked for attachments and opened for viewing (the system's chooser and viewer;
 * tests give their own).
 */
public record AppConfig(Path dataDir, Texts texts, Clock clock, int sampleCount, FilePicker filePicker,
                        FileOpener fileOpener, FileSaver fileSaver) {

    /** Chooses files to attach, given the window asking. */
    public interface FilePicker {
        List<Path> pick(javafx.stage.Window owner);
    }

    /** The operating system's file chooser. */
    public static final FilePicker SYSTEM_PICKER = owner -> {
        List<java.io.File> chosen = new javafx.stage.FileChooser().showOpenMultipleDialog(owner);
        return chosen == null ? List.of() : chosen.stream().map(java.io.File::toPath).toList();
    };

    /** Shows a stored file in the program the system uses for it (photo viewer, PDF reader). */
    public interface FileOpener {
        void open(Path file) throws java.io.IOException;
    }

    /**
     * The desktop's own opener, started as a process: {@code xdg-open} on Linux (UOS, Kylin),
     * the shell's file handler on Windows, {@code open} on macOS. AWT's Desktop is not used: it
     * would start a second toolkit next to JavaFX.
     */
    public static final FileOpener SYSTEM_OPENER = file -> {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        List<String> command = os.contains("win")
                ? List.of("rundll32", "url.dll,FileProtocolHandler", file.toString())
                : os.contains("mac") ? List.of("open", file.toString()) : List.of("xdg-open", file.toString());
        new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    };

    /** Asks where to save a file: the suggested name, and the extension it must have ("xlsx", "pdf"). */
    public interface FileSaver {
        java.util.Optional<Path> save(javafx.stage.Window owner, String suggestedName, String extension);
    }

    /** The operating system's save dialog, in the user's home folder, adding the extension if left out. */
    public static final FileSaver SYSTEM_SAVER = (owner, name, extension) -> {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(
                extension.toUpperCase(java.util.Locale.ROOT), "*." + extension));
        java.io.File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return java.util.Optional.empty();
        }
        Path path = file.toPath();
        return java.util.Optional.of(path.toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + extension) ? path
                : path.resolveSibling(path.getFileName() + "." + extension));
    };

    public AppConfig(Path dataDir, Texts texts, Clock clock, int sampleCount, FilePicker filePicker,
                     FileOpener fileOpener) {
        this(dataDir, texts, clock, sampleCount, filePicker, fileOpener, SYSTEM_SAVER);
    }

    public AppConfig(Path dataDir, Texts texts, Clock clock, int sampleCount, FilePicker filePicker) {
        this(dataDir, texts, clock, sampleCount, filePicker, SYSTEM_OPENER);
    }

    public AppConfig(Path dataDir, Texts texts, Clock clock, int sampleCount) {
        this(dataDir, texts, clock, sampleCount, SYSTEM_PICKER);
    }

    /** Reads {@code --data-dir DIR} and {@code --lang zh|en} (either as two words or with '='). */
    public static AppConfig fromArgs(List<String> args) {
        String dataDir = null;
        String lang = "zh";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : null;
            if (a.equals("--data-dir") && next != null) {
                dataDir = next;
                i++;
            } else if (a.startsWith("--data-dir=")) {
                dataDir = a.substring("--data-dir=".length());
            } else if (a.equals("--lang") && next != null) {
                lang = next;
                i++;
            } else if (a.startsWith("--lang=")) {
                lang = a.substring("--lang=".length());
            }
        }
        return new AppConfig(DataDirectory.resolve(dataDir), Texts.forLanguage(lang),
                Clock.system(SampleGenerator.ZONE), SampleGenerator.DEFAULT_COUNT);
    }
}
