package org.reliefdesk.gui.common;

import java.util.function.Function;

import javafx.scene.control.ListCell;

/** List and combo-box cells that show a value through a function (a name, a label in the user's language). */
public final class Cells {

    private Cells() {}

    public static <T> ListCell<T> of(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : text.apply(v));
            }
        };
    }
}
