package org.reliefdesk.gui.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.config.Settings;
import org.reliefdesk.logic.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This PC's settings: read from the settings file (or what this start runs with), saved there for the next start. */
public final class SettingsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final AppConfig config;
    private final UiTasks tasks;
    private final Path file;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);

    public SettingsViewModel(AppConfig config, UiTasks tasks) {
        this(config, tasks, Settings.file());
    }

    SettingsViewModel(AppConfig config, UiTasks tasks, Path file) {
        this.config = config;
        this.tasks = tasks;
        this.file = file;
    }

    /** Reads the saved settings off the FX thread; none saved (or unreadable): what this start runs with. */
    public void read(Consumer<Settings> then) {
        tasks.run(
                UiTasks.Lane.STORE,
                p -> {
                    try {
                        return Settings.load(file).orElse(fromConfig(config));
                    } catch (IOException | RuntimeException e) {
                        return fromConfig(config);
                    }
                },
                then,
                e -> then.accept(fromConfig(config)));
    }

    /** Saves checked settings; says where, or why not. */
    public void save(Settings settings) {
        Texts texts = config.texts();
        tasks.run(
                UiTasks.Lane.STORE,
                p -> {
                    settings.save(file);
                    return file;
                },
                saved -> {
                    failed.set(false);
                    message.set(texts.msg("settings.saved", saved));
                },
                e -> {
                    failed.set(true);
                    message.set(texts.msg(
                            "settings.saveFailed", FailureWords.of(texts, LOG, "Saving " + file + " failed", e)));
                });
    }

    /** Whether the message says the settings were not saved (shown in the colour of a refusal). */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** What this start runs with, as settings (before a settings file exists). */
    public static Settings fromConfig(AppConfig c) {
        String central = switch (c.central().mode()) {
            case EMBEDDED -> Settings.EMBEDDED;
            case OFF -> Settings.OFF;
            case REMOTE -> c.central().url();
        };
        return new Settings(
                c.dataDir(),
                central,
                (int) c.central().every().toMinutes(),
                c.texts().locale().getLanguage().equals("en") ? "en" : "zh",
                c.backupDir(),
                "INFO",
                (int) c.idleLock().toMinutes());
    }

    /** Where the settings live, as the page names it. */
    public String fileName() {
        return file.toString();
    }

    public Texts texts() {
        return config.texts();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
