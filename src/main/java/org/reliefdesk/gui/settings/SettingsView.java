package org.reliefdesk.gui.settings;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.reliefdesk.gui.common.Panes;
import org.reliefdesk.logic.i18n.Texts;

/** The settings page: this PC's settings, saved to the settings file for the next start. */
public final class SettingsView {

    private final VBox root = new VBox(10);

    public SettingsView(SettingsViewModel vm) {
        Texts texts = vm.texts();
        Label intro = new Label(texts.msg("settings.intro", vm.fileName()));
        intro.setWrapText(true);
        root.getChildren().add(intro);
        root.setPadding(new Insets(12));
        vm.read(current -> {
            SettingsForm form = new SettingsForm(texts, current);
            Label message = new Label();
            message.setId("settingsMessage");
            message.setWrapText(true);
            message.textProperty().bind(vm.messageProperty());
            // not saved reads as a refusal, saved as done
            message.getStyleClass().add("message-ok");
            vm.failedProperty().addListener((o, was, failed) -> {
                message.getStyleClass().removeAll("message-ok", "message-refused");
                message.getStyleClass().add(failed ? "message-refused" : "message-ok");
            });
            Button save = new Button(texts.msg("settings.save"));
            save.setId("saveSettings");
            save.setOnAction(e -> form.read().ifPresent(vm::save));
            root.getChildren().addAll(form.root(), Panes.row(10, save, message));
        });
    }

    public Parent root() {
        return root;
    }
}
