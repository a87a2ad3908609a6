package org.reliefdesk.gui.forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import org.reliefdesk.gui.common.Focus;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.workflow.FormValidator;
import org.reliefdesk.model.InvalidFieldException;

/**
 * Renders any catalog form — the one form renderer for all 15 items. Every change is run
 * through the same {@link FormValidator} the engine uses; the first problem is shown beside
 * its field (inside repeated rows too) and {@link #validProperty()} stays false until none is left.
 */
public final class FormEditor {

    private final List<FieldDef> fields;
    private final Catalog catalog;
    private final Texts texts;
    private final Map<String, FieldEditor> editors = new LinkedHashMap<>();
    private final Map<String, javafx.scene.control.Label> errors = new LinkedHashMap<>();
    private final GridPane root = new GridPane();
    private final List<Runnable> listeners = new ArrayList<>();

    /** The whole-form checker; set on the top-level editor only. */
    private Checker checker;

    private final BooleanProperty valid = new SimpleBooleanProperty();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final StringProperty problems = new SimpleStringProperty("");
    /** The values it opened with (empty, or prefilled). */
    private Map<String, Object> opened = Map.of();

    /** How attachment fields pick and show files; shared with the rows of repeated fields. */
    private FileAccess files = new FileAccess();

    public FormEditor(FormDef form, Catalog catalog, Texts texts, Checker checker) {
        this(form.fields(), catalog, texts);
        this.checker = checker;
        onChange(this::check);
        check();
        opened = values();
        dirty.set(false);
        // touched from outside (the dialog's note): each field's problem shows under it at once
        dirty.addListener((o, was, now) -> {
            if (now && !was) {
                check();
            }
        });
    }

    private FormEditor(List<FieldDef> fields, Catalog catalog, Texts texts) {
        this.fields = fields;
        this.catalog = catalog;
        this.texts = texts;
        root.setHgap(8);
        root.setVgap(6);
        FieldEditors make = new FieldEditors(catalog, texts, this::changed, this::newRow, files);
        int row = 0;
        for (FieldDef f : fields) {
            FieldEditor editor = make.editorFor(f);
            editors.put(f.code(), editor);
            javafx.scene.control.Label name =
                    new javafx.scene.control.Label(f.label(texts.locale()) + (f.required() ? " *" : ""));
            name.setMinWidth(Region.USE_PREF_SIZE);
            javafx.scene.control.Label error = problemUnderAField("error-" + f.code());
            errors.put(f.code(), error);
            Node node = editor.node();
            node.setId("field-" + f.code());
            root.add(name, 0, row);
            root.add(node, 1, row);
            root.add(error, 1, row + 1);
            row += 2;
        }
    }

    /**
     * The place of a field's problem, under the field, wrapped, and taking no room while empty: a
     * message appearing as one types must not widen the form or push the other fields sideways.
     */
    public static javafx.scene.control.Label problemUnderAField(String id) {
        javafx.scene.control.Label error = new javafx.scene.control.Label();
        error.getStyleClass().add("field-error");
        error.setId(id);
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        return error;
    }

    /** Runs the validator over the current values. */
    public record Checker(FormDef form, FormValidator validator, Map<String, Object> facts, LocalDate today) {}

    /**
     * Puts values in as the form opens (the person signed in, the village, today); the form is
     * not touched by it: closing it unchanged asks nothing.
     */
    public void prefill(Map<String, String> values) {
        values.forEach((code, value) -> {
            FieldEditor editor = editors.get(code);
            if (editor != null) {
                editor.show(value);
            }
        });
        opened = values();
        check();
        dirty.set(false);
    }

    /** Puts back what the person typed before (a draft): touched, and nothing offered for replacing. */
    public void restore(Map<String, String> values) {
        values.forEach((code, value) -> {
            FieldEditor editor = editors.get(code);
            if (editor != null) {
                editor.restore(value);
            }
        });
        opened = Map.of();
        check();
    }

    public FormEditor withFiles(AppConfig config) {
        files.use(config);
        return this;
    }

    public Node root() {
        return root;
    }

    BooleanProperty validProperty() {
        return valid;
    }

    BooleanProperty dirtyProperty() {
        return dirty;
    }

    /** Every problem of the form, one line each, named by the field's label ("" when none). */
    StringProperty problemsProperty() {
        return problems;
    }

    /**
     * Puts the cursor in the first field (a form opens ready to type, not on Cancel) — once the
     * field is in the window: a dialog attaches its content a pulse after it shows.
     */
    void focusFirst() {
        editors.values().stream().findFirst().map(FieldEditor::node).ifPresent(n -> {
            Node target = n instanceof Pane p && !p.getChildren().isEmpty()
                    ? p.getChildren().get(0)
                    : n;
            if (target.getScene() != null) {
                Focus.later(target);
            } else {
                target.sceneProperty().addListener(new ChangeListener<Scene>() {
                    @Override
                    public void changed(ObservableValue<? extends Scene> o, Scene was, Scene now) {
                        if (now != null) {
                            o.removeListener(this);
                            Focus.later(target);
                        }
                    }
                });
            }
        });
    }

    public void onChange(Runnable r) {
        listeners.add(r);
    }

    /**
     * Touched once its values differ from what it opened with: a prefilled value, or a date
     * picker writing its own text as it is first shown, is not the person's doing.
     */
    private void changed() {
        if (!dirty.get() && !values().equals(opened)) {
            dirty.set(true);
        }
        listeners.forEach(Runnable::run);
    }

    /** Values as entered (empty fields left out). */
    public Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        editors.forEach((code, e) -> {
            Object v = e.value();
            if (v != null && !(v instanceof String s && s.isBlank()) && !(v instanceof List<?> l && l.isEmpty())) {
                out.put(code, v);
            }
        });
        return out;
    }

    /** Values as the validator returns them; throws when a problem is left. */
    Map<String, Object> validated() {
        return checker.validator().validate(checker.form(), values(), checker.facts(), checker.today());
    }

    private void check() {
        clearErrors();
        try {
            validated();
            valid.set(true);
            problems.set("");
        } catch (InvalidFieldException first) {
            valid.set(false);
            List<InvalidFieldException> all =
                    checker.validator().problems(checker.form(), values(), checker.facts(), checker.today());
            if (all.isEmpty()) {
                all = List.of(first);
            }
            List<String> lines = new ArrayList<>();
            for (InvalidFieldException e : all) {
                String message = texts.ruleText(e);
                lines.add(texts.msg("text.labelled", labelOf(e.field()), message));
                if (dirty.get()) {
                    showError(e.field(), message);
                }
            }
            problems.set(String.join("\n", lines));
        }
    }

    private void clearErrors() {
        errors.values().forEach(l -> l.setText(""));
        editors.values().forEach(e -> {
            if (e instanceof RowsEditor rows) {
                rows.rows.forEach(FormEditor::clearErrors);
            }
        });
    }

    /** The catalog's label of the field a path names ({@code code} or {@code code[i].inner}), as a clerk reads it. */
    private String labelOf(String path) {
        int bracket = path.indexOf('[');
        String code = bracket < 0 ? path : path.substring(0, bracket);
        FieldDef field =
                fields.stream().filter(f -> f.code().equals(code)).findFirst().orElse(null);
        if (field == null) {
            return texts.fieldName(path);
        }
        String label = field.label(texts.locale());
        int close = path.indexOf(']', bracket);
        if (bracket >= 0 && close > bracket && field.fields() != null && close + 2 <= path.length()) {
            String inner = path.substring(close + 2);
            String innerLabel = field.fields().stream()
                    .filter(f -> f.code().equals(inner))
                    .findFirst()
                    .map(f -> f.label(texts.locale()))
                    .orElse(inner);
            return texts.msg(
                    "form.rowField", label, Integer.parseInt(path.substring(bracket + 1, close)) + 1, innerLabel);
        }
        return label;
    }

    /** Shows a message beside the field a path names: {@code code} or {@code code[i].inner}. */
    private void showError(String path, String message) {
        int bracket = path.indexOf('[');
        String code = bracket < 0 ? path : path.substring(0, bracket);
        FieldEditor editor = editors.get(code);
        if (bracket >= 0 && editor instanceof RowsEditor rows) {
            int close = path.indexOf(']', bracket);
            int index = Integer.parseInt(path.substring(bracket + 1, close));
            if (index < rows.rows.size() && close + 2 <= path.length()) {
                rows.rows.get(index).showError(path.substring(close + 2), message);
                return;
            }
        }
        javafx.scene.control.Label error = errors.get(code);
        if (error != null) {
            error.setText(message);
        }
    }

    /** A row of a repeated field: a small form of its own, picking files as this form does. */
    FormEditor newRow(FieldDef field) {
        FormEditor row = new FormEditor(field.fields(), catalog, texts);
        row.files = files; // rows added later pick and show files as the form does
        row.onChange(this::changed);
        return row;
    }
}
