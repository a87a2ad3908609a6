package org.reliefdesk.gui.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.reliefdesk.gui.common.Panes;
import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.logic.i18n.Texts;

/** Repeated rows (family members, recommended jobs): each row is a small form of its own. */
final class RowsEditor implements FieldEditor {
    final List<FormEditor> rows = new ArrayList<>();
    final VBox box = new VBox(6);
    final VBox list = new VBox(6);
    final FieldDef field;

    private final Texts texts;
    private final Function<FieldDef, FormEditor> newRow;
    private final Runnable changed;

    RowsEditor(FieldDef field, Texts texts, Function<FieldDef, FormEditor> newRow, Runnable changed) {
        this.field = field;
        this.texts = texts;
        this.newRow = newRow;
        this.changed = changed;
        Button add = new Button(texts.msg("form.addRow"));
        add.setId("add-" + field.code());
        add.setOnAction(e -> addRow());
        box.getChildren().addAll(list, add);
        if (field.minRows() != null && field.minRows() > 0) {
            addRow();
        }
    }

    private void addRow() {
        FormEditor row = newRow.apply(field);
        Button remove = new Button(texts.msg("form.removeRow"));
        HBox line = Panes.row(8, row.root(), remove);
        line.setPadding(new Insets(4));
        line.setStyle("-fx-border-color: #d0d7de; -fx-border-radius: 3;");
        remove.setOnAction(e -> {
            rows.remove(row);
            list.getChildren().remove(line);
            changed.run();
        });
        rows.add(row);
        list.getChildren().add(line);
        changed.run();
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public Object value() {
        return rows.stream().map(r -> (Object) r.values()).toList();
    }
}
