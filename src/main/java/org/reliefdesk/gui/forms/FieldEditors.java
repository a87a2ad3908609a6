package org.reliefdesk.gui.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

import org.reliefdesk.gui.common.DateFields;
import org.reliefdesk.gui.common.Focus;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.logic.catalog.FieldType;
import org.reliefdesk.logic.catalog.Label;
import org.reliefdesk.logic.i18n.Texts;

/** One editor per field type, as the form renderer lays them out: the control and how it reads (and is given) a value. */
final class FieldEditors {

    private final Catalog catalog;
    private final Texts texts;
    private final Runnable changed;
    private final Function<FieldDef, FormEditor> newRow;
    private final FileAccess files;

    FieldEditors(
            Catalog catalog, Texts texts, Runnable changed, Function<FieldDef, FormEditor> newRow, FileAccess files) {
        this.catalog = catalog;
        this.texts = texts;
        this.changed = changed;
        this.newRow = newRow;
        this.files = files;
    }

    FieldEditor editorFor(FieldDef f) {
        return switch (f.type()) {
            case TEXT, INTEGER, DECIMAL, ID_NUMBER, PHONE -> text(new TextField(), f);
            case LONG_TEXT -> {
                TextArea area = Focus.tabLeaves(new TextArea());
                area.setPrefRowCount(2);
                area.setWrapText(true);
                yield text(area, f);
            }
            case DATE -> {
                DatePicker picker = DateFields.lenient(new DatePicker());
                picker.valueProperty().addListener((o, a, b) -> changed.run());
                picker.getEditor().textProperty().addListener((o, a, b) -> changed.run());
                yield new Simple(
                        picker,
                        () -> picker.getValue() != null
                                ? picker.getValue().toString()
                                : picker.getEditor().getText(),
                        v -> {
                            LocalDate day = LocalDate.parse(v);
                            picker.setValue(day);
                            Focus.selectAllWhile(picker.getEditor(), () -> day.equals(picker.getValue()));
                        },
                        v -> picker.setValue(LocalDate.parse(v)));
            }
            case DATE_TIME -> {
                DatePicker date = DateFields.lenient(new DatePicker());
                TextField time = new TextField();
                time.setPromptText("09:30");
                time.setPrefColumnCount(5);
                date.valueProperty().addListener((o, a, b) -> changed.run());
                date.getEditor().textProperty().addListener((o, a, b) -> changed.run());
                time.textProperty().addListener((o, a, b) -> changed.run());
                yield new Simple(
                        new HBox(6, date, time),
                        () -> {
                            // what is typed counts even before the date picker commits it; the validator names a bad
                            // value
                            String day = date.getValue() != null
                                    ? date.getValue().toString()
                                    : date.getEditor().getText().strip();
                            String at = time.getText().strip();
                            if (day.isEmpty() && at.isEmpty()) {
                                return null;
                            }
                            if (at.isEmpty()) {
                                at = "00:00";
                            } else if (at.matches("\\d:\\d\\d")) {
                                at = "0" + at; // 9:30
                            }
                            return day + "T" + at;
                        },
                        v -> {
                            LocalDateTime at = LocalDateTime.parse(v);
                            date.setValue(at.toLocalDate());
                            time.setText(at.toLocalTime().toString());
                            Focus.selectAllWhile(
                                    date.getEditor(), () -> at.toLocalDate().equals(date.getValue()));
                            Focus.selectAllWhile(
                                    time, () -> at.toLocalTime().toString().equals(time.getText()));
                        },
                        v -> {
                            LocalDateTime at = LocalDateTime.parse(v);
                            date.setValue(at.toLocalDate());
                            time.setText(at.toLocalTime().toString());
                        });
            }
            case BOOLEAN -> {
                ToggleGroup group = new ToggleGroup();
                RadioButton yes = new RadioButton(texts.msg("button.yes"));
                RadioButton no = new RadioButton(texts.msg("button.no"));
                yes.setToggleGroup(group);
                no.setToggleGroup(group);
                yes.setId("yes");
                no.setId("no");
                group.selectedToggleProperty().addListener((o, a, b) -> changed.run());
                yield new Simple(
                        new HBox(12, yes, no),
                        () -> group.getSelectedToggle() == null ? null : group.getSelectedToggle() == yes,
                        v -> group.selectToggle(Boolean.parseBoolean(v) ? yes : no));
            }
            case CHOICE -> {
                ComboBox<Label> box = new ComboBox<>();
                box.getItems().setAll(options(f));
                box.setCellFactory(v -> labelCell());
                box.setButtonCell(labelCell());
                box.setPromptText(texts.msg("form.choose"));
                box.setPrefWidth(220);
                box.valueProperty().addListener((o, a, b) -> changed.run());
                yield new Simple(
                        box,
                        () -> box.getValue() == null ? null : box.getValue().code(),
                        v -> box.getItems().stream()
                                .filter(o -> o.code().equals(v))
                                .findFirst()
                                .ifPresent(box::setValue));
            }
            case MULTI_CHOICE -> {
                FlowPane pane = new FlowPane(10, 4);
                List<CheckBox> boxes = new ArrayList<>();
                for (Label o : options(f)) {
                    CheckBox c = new CheckBox(o.in(texts.locale()));
                    c.setUserData(o.code());
                    c.selectedProperty().addListener((ob, a, b) -> changed.run());
                    boxes.add(c);
                }
                pane.getChildren().setAll(boxes);
                yield new Simple(
                        pane,
                        () -> boxes.stream()
                                .filter(CheckBox::isSelected)
                                .map(c -> (Object) c.getUserData())
                                .toList(),
                        v -> {
                            List<String> codes = List.of(v.split(","));
                            boxes.forEach(c -> c.setSelected(codes.contains(String.valueOf(c.getUserData()))));
                        });
            }
            case ROWS -> new RowsEditor(f, texts, newRow, changed);
            case ATTACHMENT -> new AttachmentEditor(f, texts, files, changed);
        };
    }

    private FieldEditor text(TextInputControl control, FieldDef f) {
        if (f.type() == FieldType.ID_NUMBER) {
            control.setPromptText(texts.msg("form.idNumberPrompt"));
        }
        control.textProperty().addListener((o, a, b) -> changed.run());
        return new Simple(
                control,
                () -> {
                    String s = control.getText();
                    if (s == null || s.isBlank()) {
                        return null;
                    }
                    if (f.type() == FieldType.DECIMAL || f.type() == FieldType.INTEGER) {
                        try {
                            return new BigDecimal(s.strip());
                        } catch (NumberFormatException e) {
                            return s; // the validator says "must be a number"
                        }
                    }
                    return s;
                },
                v -> {
                    control.setText(v);
                    Focus.selectAllWhile(control, () -> v.equals(control.getText()));
                },
                v -> {
                    control.setText(v);
                    control.positionCaret(v.length()); // typing goes on where it stopped
                });
    }

    private List<Label> options(FieldDef f) {
        return f.options() != null
                ? f.options()
                : catalog.list(f.list()).map(l -> l.entries()).orElse(List.of());
    }

    private ListCell<Label> labelCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Label item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.in(texts.locale()));
            }
        };
    }

    /** A control that reads its value, and is given one when the form opens prefilled (null: it cannot be). */
    private record Simple(Node node, Supplier<Object> reader, Consumer<String> writer, Consumer<String> restorer)
            implements FieldEditor {
        Simple(Node node, Supplier<Object> reader) {
            this(node, reader, null, null);
        }

        Simple(Node node, Supplier<Object> reader, Consumer<String> writer) {
            this(node, reader, writer, writer);
        }

        @Override
        public void restore(String value) {
            if (restorer != null) {
                restorer.accept(value);
            }
        }

        @Override
        public Object value() {
            return reader.get();
        }

        @Override
        public void show(String value) {
            if (writer != null) {
                writer.accept(value);
            }
        }
    }
}
