package org.reliefdesk.gui.common;

import javafx.application.Platform;
import javafx.scene.Node;

/** Focus that must wait until a new page is laid out (a request made while it is built is lost). */
public final class Focus {

    private Focus() {}

    public static void later(Node node) {
        Platform.runLater(node::requestFocus);
    }
}
