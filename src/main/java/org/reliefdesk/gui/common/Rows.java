package org.reliefdesk.gui.common;

import java.util.function.Consumer;

import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

/** Rows that open what they show: by a double-click, or by Enter on the row chosen. */
public final class Rows {

    private Rows() {}

    public static <T> void opening(TableView<T> table, Consumer<T> open) {
        table.setRowFactory(v -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            T chosen = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && chosen != null) {
                e.consume();
                open.accept(chosen);
            }
        });
    }
}
