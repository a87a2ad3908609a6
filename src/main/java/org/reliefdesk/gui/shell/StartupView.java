package org.reliefdesk.gui.shell;

import javafx.concurrent.Task;
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

    void bind(Task<?> task) {
        message.textProperty().bind(task.messageProperty());
        progress.progressProperty().bind(task.progressProperty());
    }

    Parent root() {
        return root;
    }
}
