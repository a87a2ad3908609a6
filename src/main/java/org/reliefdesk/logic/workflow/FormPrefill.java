package org.reliefdesk.logic.workflow;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.User;

/**
 * What an action form opens with, as its catalog fields say ({@link FieldDef#prefill()}): the
 * township's verifier is usually the person signed in, on site in the applicant's village, today.
 * Values are as the form validator reads them; the person changes any of them before saving.
 */
public final class FormPrefill {

    private FormPrefill() {}

    /** The prefilled values by field code (fields without a prefill are left out). */
    public static Map<String, String> of(FormDef form, Ticket ticket, User user, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ChinaTime.ZONE));
        Map<String, String> values = new LinkedHashMap<>();
        for (FieldDef f : form.fields()) {
            if (f.prefill() == null) {
                continue;
            }
            String value = switch (f.prefill()) {
                case PERSON -> user.displayName();
                case VILLAGE -> ticket.village().name();
                case TODAY -> now.toLocalDate().toString();
                case NOW -> now.truncatedTo(ChronoUnit.MINUTES).toString();
            };
            values.put(f.code(), value);
        }
        return values;
    }
}
