package org.reliefdesk.gui.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.store.LocalBackups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Help (F1): the user guide in the user's language (written in {@code docs/user-guide*.md} and
 * built into the app), and 关于 — this build's version, the data directory, the central store,
 * and the last backup of this PC's data.
 */
public final class HelpViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(HelpViewModel.class);

    /** One block of the guide: the title, a heading, a list item, or a paragraph. */
    public record Block(Kind kind, String text) {
        public enum Kind {
            TITLE,
            HEADING,
            ITEM,
            TEXT
        }
    }

    private final AppConfig config;
    private final UiTasks tasks;
    private final Texts texts;
    private final String centralUrl;
    private final ReadOnlyStringWrapper lastBackup = new ReadOnlyStringWrapper("");

    public HelpViewModel(AppConfig config, UiTasks tasks, String centralUrl) {
        this.config = config;
        this.tasks = tasks;
        this.texts = config.texts();
        this.centralUrl = centralUrl;
    }

    /** The guide in the user's language (Chinese unless the app runs in English). */
    public List<Block> guide() {
        String name = texts.locale().getLanguage().equals(Locale.ENGLISH.getLanguage())
                ? "user-guide.en.md"
                : "user-guide.md";
        return parse(resource("/org/reliefdesk/help/" + name));
    }

    /** The few kinds of line the guide is written with: {@code #}, {@code ##}, {@code -}, text. */
    static List<Block> parse(String markdown) {
        List<Block> blocks = new ArrayList<>();
        for (String line : markdown.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("## ")) {
                blocks.add(new Block(Block.Kind.HEADING, l.substring(3).strip()));
            } else if (l.startsWith("# ")) {
                blocks.add(new Block(Block.Kind.TITLE, l.substring(2).strip()));
            } else if (l.startsWith("- ")) {
                blocks.add(new Block(Block.Kind.ITEM, l.substring(2).strip()));
            } else {
                blocks.add(new Block(Block.Kind.TEXT, l));
            }
        }
        return blocks;
    }

    /** This build's version, as Maven wrote it into the app. */
    public String version() {
        Properties p = new Properties();
        try (InputStream in = HelpViewModel.class.getResourceAsStream("/org/reliefdesk/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", texts.msg("help.unknown"));
    }

    public String dataDir() {
        return config.dataDir().toAbsolutePath().toString();
    }

    /** Where this PC syncs: the built-in demo store, a central store's address, or nowhere. */
    public String central() {
        return switch (config.central().mode()) {
            case EMBEDDED -> texts.msg("help.central.embedded", centralUrl);
            case REMOTE -> centralUrl;
            case OFF -> texts.msg("help.central.off");
        };
    }

    /** Reads when this PC's data was last backed up (off the FX thread; the folder may be a network drive). */
    public void readLastBackup() {
        tasks.run(
                UiTasks.Lane.HOUSEKEEPING,
                progress -> {
                    var newest = LocalBackups.newest(config.backupDir());
                    return newest.isEmpty()
                            ? texts.msg("help.backup.none", config.backupDir())
                            : texts.msg(
                                    "help.backup.at",
                                    Formats.dateTime(Files.getLastModifiedTime(newest.get())
                                            .toInstant()),
                                    newest.get());
                },
                lastBackup::set,
                error -> lastBackup.set(texts.msg(
                        "help.backup.unreadable",
                        FailureWords.of(texts, LOG, "Reading the backup folder failed", error))));
    }

    public ReadOnlyStringProperty lastBackupProperty() {
        return lastBackup.getReadOnlyProperty();
    }

    private static String resource(String path) {
        try (InputStream in = HelpViewModel.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The user guide is missing from the app: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
