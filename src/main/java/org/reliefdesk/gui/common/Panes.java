package org.reliefdesk.gui.common;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small layouts every page uses the same way. */
public final class Panes {

    private Panes() {}

    /**
     * Nodes side by side where a button keeps its words: a row shrinks every child toward its
     * least width, and a button's is "...", so a long message beside buttons cut them (the reports
     * page at 1024 px in English). A message that may grow long should wrap.
     */
    public static HBox row(double spacing, Node... children) {
        return buttonsKeepWords(new HBox(spacing, children));
    }

    /** {@code row} with each button in it at least as wide as its words (see {@link #row}); for a row built in steps. */
    public static <P extends Pane> P buttonsKeepWords(P row) {
        for (Node n : row.getChildren()) {
            if (n instanceof ButtonBase b) {
                b.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return row;
    }

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
