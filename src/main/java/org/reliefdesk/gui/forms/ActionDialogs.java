package org.reliefdesk.gui.forms;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

import org.reliefdesk.logic.i18n.Texts;

/** The yes/no question the dialogs ask before discarding input or ending a ticket. */
public final class ActionDialogs {

    private ActionDialogs() {}

    /** Buttons labelled from the bundles: JavaFX's own Yes/No follow the JVM locale, not the user's choice. */
    public static boolean confirm(Window owner, Texts texts, String message) {
        Alert alert = question(owner, texts, message);
        return alert.showAndWait()
                .map(b -> b.getButtonData() == ButtonBar.ButtonData.YES)
                .orElse(false);
    }

    /** Ctrl+S in the dialog presses its save button while the button may be pressed, as the button says. */
    public static void saveOnCtrlS(DialogPane pane, Node saveButton) {
        pane.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!saveButton.isDisabled()) {
                ((Button) saveButton).fire();
            }
        });
    }

    /**
     * The question, not yet shown. Every question here is before something that cannot be taken
     * back (discarding typed input, refusing a ticket, disabling a user): Enter and Escape both
     * answer No; Yes takes a deliberate choice.
     */
    static Alert question(Window owner, Texts texts, String message) {
        ButtonType yes = new ButtonType(texts.msg("button.yes"), ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType(texts.msg("button.no"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, no);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(texts.msg("app.title"));
        alert.setHeaderText(null);
        Button yesButton = (Button) alert.getDialogPane().lookupButton(yes);
        Button noButton = (Button) alert.getDialogPane().lookupButton(no);
        yesButton.setId("confirmYes");
        noButton.setId("confirmNo");
        yesButton.setDefaultButton(false);
        noButton.setDefaultButton(true);
        alert.setOnShown(e -> noButton.requestFocus());
        return alert;
    }
}
