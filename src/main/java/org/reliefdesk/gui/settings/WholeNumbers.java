package org.reliefdesk.gui.settings;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextFormatter;
import javafx.util.StringConverter;

/**
 * A number of minutes as a person types it: the field takes digits only, and a number out of range
 * stays as typed until Save names the field and its range. JavaFX's own spinner threw on letters
 * when the field was left ("Something unexpected went wrong") and changed 5000 to 1440 unsaid.
 * The arrows step within the range; an empty field is no number (refused at Save as out of range).
 */
final class WholeNumbers extends SpinnerValueFactory<Integer> {

    /** More digits than any range here needs, few enough never to overflow an int. */
    private static final int MAX_DIGITS = 6;

    private final int min;
    private final int max;

    private WholeNumbers(int min, int max, int initial) {
        this.min = min;
        this.max = max;
        setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                // the editor's filter lets only digits in
                return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
            }
        });
        setValue(initial);
    }

    /** An editable spinner over {@code min} … {@code max} that starts at {@code initial}. */
    static Spinner<Integer> spinner(int min, int max, int initial) {
        Spinner<Integer> spinner = new Spinner<>(new WholeNumbers(min, max, initial));
        spinner.setEditable(true);
        spinner.getEditor()
                .setTextFormatter(new TextFormatter<>(
                        change -> change.getControlNewText().matches("\\d{0," + MAX_DIGITS + "}") ? change : null));
        return spinner;
    }

    @Override
    public void decrement(int steps) {
        step(-steps);
    }

    @Override
    public void increment(int steps) {
        step(steps);
    }

    private void step(int by) {
        Integer now = getValue();
        setValue(now == null ? min : Math.max(min, Math.min(max, now + by)));
    }
}
