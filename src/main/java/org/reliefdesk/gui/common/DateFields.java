package org.reliefdesk.gui.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.application.Platform;
import javafx.scene.control.DatePicker;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;

/**
 * Dates as people type them: 2024-10-01, 2024/10/1, 2024.10.1, 20241001 or 2024年10月1日, shown
 * back as 2024-10-01 in both languages (the date pickers' own format follows the machine's
 * locale and throws on anything else, which ended in the crash dialog). Text that is no date
 * leaves the field empty of a value and stays in the field as typed, so the check beside it can
 * name it ("统计日期：必须是日期，如 2024-10-01") and the person can mend it; the picker used to wipe
 * it and say only that no date was chosen.
 */
public final class DateFields {

    private static final Pattern PARTS =
            Pattern.compile("\\s*(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?\\s*");
    private static final Pattern COMPACT = Pattern.compile("\\s*(\\d{4})(\\d{2})(\\d{2})\\s*");
    private static final KeyCombination ENTER = new KeyCodeCombination(KeyCode.ENTER);

    private DateFields() {}

    /** A picker's converter: parses what is typed, 2024-10-01 back. */
    public static StringConverter<LocalDate> converter() {
        return new KeepsTyped();
    }

    /** Makes {@code picker} take typed dates in any of the forms above, and keep a text that is no date. */
    public static DatePicker lenient(DatePicker picker) {
        KeepsTyped converter = new KeepsTyped();
        picker.setConverter(converter);
        picker.setPromptText("2024-10-01");
        picker.valueProperty().addListener((o, before, now) -> {
            String typed = converter.rejected;
            if (now == null && !typed.isEmpty()) {
                // the picker's skin empties the field whenever the value is none, after this listener
                Platform.runLater(() -> {
                    if (picker.getValue() == null
                            && picker.getEditor().getText().isEmpty()) {
                        picker.getEditor().setText(typed);
                    }
                });
            }
        });
        return picker;
    }

    /**
     * Makes Enter in {@code picker} take the typed date and then press the window's default button,
     * as Enter in a text field does: for a page whose date is the last thing set before its action
     * (the reports page, where the picker kept Enter to itself once a refused date was corrected,
     * and Make, still disabled by the old date's error when the key came, did nothing). Not for a
     * form, where Enter on a date must only commit it (ActionDialogs.enterNeverSavesFromAChoice).
     */
    public static DatePicker enterGoesOn(DatePicker picker) {
        picker.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER || picker.isShowing() || !picker.isEditable()) {
                return;
            }
            e.consume();
            picker.setValue(picker.getConverter().fromString(picker.getEditor().getText()));
            Runnable defaultButton = picker.getScene() == null
                    ? null
                    : picker.getScene().getAccelerators().get(ENTER);
            if (defaultButton != null) {
                defaultButton.run();
            }
        });
        return picker;
    }

    /** The date a person typed, or null when the text is empty or no date. */
    public static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = PARTS.matcher(text);
        if (!m.matches()) {
            m = COMPACT.matcher(text);
            if (!m.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null; // 2024-02-30
        }
    }

    private static final class KeepsTyped extends StringConverter<LocalDate> {
        // the last text that was no date, put back in the field by lenient()
        private String rejected = "";

        @Override
        public String toString(LocalDate date) {
            return date == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }

        @Override
        public LocalDate fromString(String text) {
            LocalDate date = parse(text);
            rejected = date == null && text != null ? text.strip() : "";
            return date;
        }
    }
}
