package org.reliefdesk.gui.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Dates as people type them: 2024-10-01, 2024/10/1, 2024.10.1, 20241001 or 2024年10月1日, shown
 * back as 2024-10-01 in both languages (the date pickers' own format follows the machine's
 * locale and throws on anything else, which ended in the crash dialog). Text that is no date
 * leaves the field empty of a value and keeps what was typed, so the form's check names it.
 */
public final class DateFields {

    /** Converts between a picker's text and its date. */
    public static final StringConverter<LocalDate> CONVERTER = new StringConverter<>() {
        @Override
        public String toString(LocalDate date) {
            return date == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }

        @Override
        public LocalDate fromString(String text) {
            return parse(text);
        }
    };

    private static final Pattern PARTS =
            Pattern.compile("\\s*(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?\\s*");
    private static final Pattern COMPACT = Pattern.compile("\\s*(\\d{4})(\\d{2})(\\d{2})\\s*");

    private DateFields() {}

    /** Makes {@code picker} take typed dates in any of the forms above. */
    public static DatePicker lenient(DatePicker picker) {
        picker.setConverter(CONVERTER);
        picker.setPromptText("2024-10-01");
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
}
