package org.reliefdesk.gui.settings;

import java.nio.file.Path;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.reliefdesk.logic.config.Settings;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.gui.session.AppConfig;
import java.io.IOException;

/** The settings page: this PC's settings, saved to the settings file for the next start. */
public final class SettingsView {

    private final VBox root = new VBox(10);

    public SettingsView(AppConfig config, Texts texts, Path file) {
        Settings current;
        try {
            current = Settings.load(file).orElse(fromConfig(config));
        } catch (IOException | RuntimeException e) {
            current = fromConfig(config);
        }
        SettingsForm form = new SettingsForm(texts, current);
        Label intro = new Label(texts.msg("settings.intro", file));
        intro.setWrapText(true);
        Label message = new Label();
        message.setId("settingsMessage");
        message.setWrapText(true);
        Button save = new Button(texts.msg("settings.save"));
        save.setId("saveSettings");
        save.setOnAction(e -> form.read().ifPresent(s -> {
            try {
                s.save(file);
                message.setText(texts.msg("settings.saved", file));
            } catch (IOException ex) {
                message.setText(texts.msg("rule.format", file, ex.getMessage()));
            }
        }));
        root.getChildren().addAll(intro, form.root(), new HBox(10, save, message));
        root.setPadding(new Insets(12));
    }

    /** What this start runs with, as settings (before a settings file exists). */
    static Settings fromConfig(AppConfig c) {
        String central = switch (c.central().mode()) {
            case EMBEDDED -> Settings.EMBEDDED;
            case OFF -> Settings.OFF;
            case REMOTE -> c.central().url();
        };
        return new Settings(c.dataDir(), central, (int) c.central().every().toMinutes(),
                c.texts().locale().getLanguage().equals("en") ? "en" : "zh", c.backupDir(), "INFO");
    }

    public Parent root() {
        return root;
    }
}
