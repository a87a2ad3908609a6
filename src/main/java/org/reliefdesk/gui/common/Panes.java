package org.reliefdesk.gui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Small layouts every page uses the same way. */
public final class Panes {

    private Panes() {}

    /** {@code content} under a bold heading; the content takes the height left. */
    public static VBox titled(String title, Node content) {
        return titled(new Label(title), content);
    }

    /** {@code content} under a heading that may change (a count in it). */
    public static VBox titled(Label label, Node content) {
        label.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 2 0;");
        VBox box = new VBox(4, label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }
}
