package org.reliefdesk.gui.forms;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import org.reliefdesk.logic.i18n.Texts;

/** The yes/no question the dialogs ask before discarding input or ending a ticket. */
public final class ActionDialogs {

    private ActionDialogs() {}

    /** Buttons labelled from the bundles: JavaFX's own Yes/No follow the JVM locale, not the user's choice. */
    public static boolean confirm(Window owner, Texts texts, String message) {
        ButtonType yes = new ButtonType(texts.msg("value.yes"), ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType(texts.msg("value.no"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, no);
        alert.initOwner(owner);
        alert.setTitle(texts.msg("app.title"));
        alert.setHeaderText(null);
        return alert.showAndWait().orElse(no) == yes;
    }
}
