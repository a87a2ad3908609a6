package org.reliefdesk.gui.dashboard;

import java.text.NumberFormat;
import java.util.Locale;

import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * The scale of an axis that counts tickets: from 0, in whole steps of 1, 2 or 5 times a power of
 * ten, up to at least the largest count. Left to itself, JavaFX scaled a county with nothing in a
 * week as 0.00 to 1.00 in quarters: a count axis said "0.25 tickets".
 */
record CountScale(long upper, long step) {

    /** About this many steps up the axis. */
    static final int STEPS = 5;

    static CountScale of(long largest) {
        long top = Math.max(1, largest);
        long step = 1;
        outer:
        for (long power = 1; ; power *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * power * STEPS >= top) {
                    step = m * power;
                    break outer;
                }
            }
        }
        return new CountScale((top + step - 1) / step * step, step);
    }

    /** Sets the axis to this scale, its labels whole numbers in the language's own way. */
    void applyTo(NumberAxis axis, Locale locale) {
        NumberFormat whole = NumberFormat.getIntegerInstance(locale);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(upper);
        axis.setTickUnit(step);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return whole.format(n.longValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("an axis label is never read back");
            }
        });
    }
}
