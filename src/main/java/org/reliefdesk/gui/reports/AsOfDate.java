package org.reliefdesk.gui.reports;

import java.time.LocalDate;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.InvalidFieldException;

/**
 * The reports page's "as of" date: the date chosen, the field's text (what was typed, when it is
 * no date), and what is wrong with it, said beside the field: none chosen, no date, or after today.
 */
final class AsOfDate {

    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final Texts texts;
    private final LocalDate today;

    AsOfDate(Texts texts, LocalDate today) {
        this.texts = texts;
        this.today = today;
        date.set(today);
        date.addListener((o, a, d) -> check());
        text.addListener((o, a, t) -> check());
    }

    private void check() {
        LocalDate d = date.get();
        if (d == null && !text.get().isBlank()) {
            error.set(texts.describe(new InvalidFieldException("asOf", "rule.form.date")));
        } else if (d == null) {
            error.set(texts.msg("reports.dateMissing"));
        } else if (d.isAfter(today)) {
            error.set(texts.describe(new InvalidFieldException("asOf", "rule.report.futureDate", d, today)));
        } else {
            error.set("");
        }
    }

    ObjectProperty<LocalDate> date() {
        return date;
    }

    /** The date field's text as shown: a date, or what was typed that is no date. */
    StringProperty text() {
        return text;
    }

    /** Empty when the date can be reported on. */
    StringProperty error() {
        return error;
    }
}
