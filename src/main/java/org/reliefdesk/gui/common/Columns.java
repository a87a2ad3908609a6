package org.reliefdesk.gui.common;

import java.util.Collection;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import org.reliefdesk.logic.i18n.Texts;

/** Read-only table columns: a bundle key for the header, a width, and how to read the value. */
public final class Columns {

    private Columns() {}

    public static <S, T> TableColumn<S, T> of(Texts texts, String key, double width, Function<S, T> value) {
        String title = texts.msg(key);
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setId(key);
        // never narrower than its header (bold, with room for the sort arrow): English headers
        // are longer than the Chinese ones the widths were chosen for
        Font bold = Font.font(
                Font.getDefault().getFamily(),
                FontWeight.BOLD,
                Font.getDefault().getSize());
        c.setPrefWidth(Math.max(width, Math.ceil(textWidth(title, bold)) + 24));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /**
     * Lets {@code table}'s columns share its width, each in proportion to its own: at their set
     * widths they filled half of a wide window and cut the names beside the empty half ("health
     * commi…", "housing & urban-rural devel…"). For a table whose columns fit the window; the ticket
     * list, wider than any screen, keeps its widths and scrolls.
     */
    public static <S> TableView<S> shareWidth(TableView<S> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        return table;
    }

    /**
     * A column's width for the widest of {@code values} at the default text size, its cell's
     * padding included: a column of names the catalog knows (departments, service items) is made
     * for its longest name, not for a guess that fits Chinese and cuts English.
     */
    public static double roomFor(Collection<String> values) {
        return Math.ceil(values.stream()
                        .mapToDouble(v -> textWidth(v, Font.getDefault()))
                        .max()
                        .orElse(0))
                + 24;
    }

    /** How wide {@code text} is laid out in {@code font}, in pixels (a column's or a cell's room). */
    public static double textWidth(String text, Font font) {
        Text measured = new Text(text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }
}
