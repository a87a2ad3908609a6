package org.reliefdesk.gui;

import java.util.function.Function;

import javafx.scene.control.ListCell;

/** List and combo-box cells that show a value through a function (a name, a label in the user's language). */
final class Cells {

    private Cells() {
    }

    static <T> ListCell<T> of(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : text.apply(v));
            }
        };
    }
}
