package org.reliefdesk.gui.shell;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

import org.reliefdesk.logic.i18n.Texts;

/** Shown while the store opens and, on first start, the sample county is loaded. */
public final class StartupView {

    private final VBox root = new VBox(16);
    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar();

    StartupView(Texts texts) {
        Label title = new Label(texts.msg("app.title"));
        title.getStyleClass().add("startup-title");
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        progress.setPrefWidth(360);
        root.getChildren().addAll(title, message, progress);
        root.setAlignment(Pos.CENTER);
    }

    /** What the preparation is doing and how far it got (on the FX thread; a negative fraction: unknown). */
    void show(double fraction, String what) {
        if (what != null) {
            message.setText(what);
        }
        progress.setProgress(fraction);
    }

    Parent root() {
        return root;
    }
}
