package org.reliefdesk.gui.common;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.FocusModel;
import javafx.scene.control.ListView;
import javafx.scene.control.MultipleSelectionModel;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

/** Rows of tables and lists: chosen when the keyboard enters, opened by a double-click or by Enter. */
public final class Rows {

    private Rows() {}

    /**
     * Entering a table with Tab while no row is chosen chooses the row that has the keyboard's focus
     * (the first one). Left alone, JavaFX shows no row chosen, Enter does nothing, and the first
     * Down chooses the second row: in a list of one, none at all.
     */
    public static void chosenOnEntry(TableView<?> table) {
        chosenOnEntry(table, table::getSelectionModel, table::getFocusModel, table::getItems);
    }

    /** As {@link #chosenOnEntry(TableView)}, for a list. */
    public static void chosenOnEntry(ListView<?> list) {
        chosenOnEntry(list, list::getSelectionModel, list::getFocusModel, list::getItems);
    }

    private static void chosenOnEntry(
            Node view,
            Supplier<? extends MultipleSelectionModel<?>> selections,
            Supplier<? extends FocusModel<?>> focuses,
            Supplier<? extends List<?>> rows) {
        view.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                // later: a click that brought the focus has chosen its own row by then, and is left alone
                Platform.runLater(() -> {
                    MultipleSelectionModel<?> selection = selections.get();
                    List<?> items = rows.get();
                    if (view.isFocused()
                            && selection != null
                            && selection.isEmpty()
                            && items != null
                            && !items.isEmpty()) {
                        FocusModel<?> focus = focuses.get();
                        int at = focus == null ? -1 : focus.getFocusedIndex();
                        selection.select(at >= 0 && at < items.size() ? at : 0);
                    }
                });
            }
        });
    }

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
