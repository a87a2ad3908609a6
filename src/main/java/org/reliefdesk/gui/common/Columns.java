package org.reliefdesk.gui.common;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

import org.reliefdesk.logic.i18n.Texts;

/** Read-only table columns: a bundle key for the header, a width, and how to read the value. */
public final class Columns {

    private Columns() {}

    public static <S, T> TableColumn<S, T> of(Texts texts, String key, double width, Function<S, T> value) {
        TableColumn<S, T> c = new TableColumn<>(texts.msg(key));
        c.setId(key);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}
