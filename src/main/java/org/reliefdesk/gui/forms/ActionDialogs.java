package org.reliefdesk.gui.forms;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

import org.reliefdesk.logic.i18n.Texts;

/**
 * What every form dialog shares: the yes/no question asked before discarding input or ending a
 * ticket, and the keys (Ctrl+S saves, Enter on a choice never does).
 */
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
     * Enter on a drop-down, a date or a check box only commits that field: choosing 满意度 by
     * keyboard must not save (and conclude) the ticket before the notes are typed. Saving stays on
     * Ctrl+S, and on Enter in a text field or on the Save button. Every form dialog takes it: the
     * action forms and the new ticket's.
     */
    public static void enterNeverSavesFromAChoice(Node pane) {
        pane.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER
                    && (e.getTarget() instanceof ComboBoxBase<?>
                            || e.getTarget() instanceof ChoiceBox<?>
                            || e.getTarget() instanceof CheckBox
                            || (e.getTarget() instanceof Node n && n.getParent() instanceof ComboBoxBase<?>))) {
                e.consume();
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
