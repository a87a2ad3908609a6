package org.reliefdesk.logic.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One field of a form. {@code requiredWhen} makes it required only when a condition on the
 * other values holds; {@code mustEqual} (optionally only {@code mustEqualWhen}) demands one
 * value, such as "authorization signed = yes". {@code rule} names the message shown when the
 * field's own limit (mustEqual, maxRows) is broken. Choices come from {@code options} or
 * from a reference {@code list}; rows have {@code fields} of their own; {@code prefill} says
 * what the field holds when the form opens; {@code accept} what files an attachment field takes.
 */
public record FieldDef(
        String code,
        FieldType type,
        String zh,
        String en,
        boolean required,
        Condition requiredWhen,
        @JsonProperty("mustEqual") Object mustEqual,
        Condition mustEqualWhen,
        String rule,
        BigDecimal min,
        BigDecimal max,
        Integer maxLength,
        List<Label> options,
        String list,
        Integer minRows,
        Integer maxRows,
        List<FieldDef> fields,
        Boolean notAfterToday,
        Prefill prefill,
        Accept accept) {

    /** What files an attachment field takes: {@code image} — pictures only (现场照片). */
    public enum Accept {
        @JsonProperty("image")
        IMAGE
    }

    /**
     * What a form opens with in the field (the person can change it): the signed-in person's name,
     * the applicant's village, today, or now to the minute.
     */
    public enum Prefill {
        @JsonProperty("person")
        PERSON,
        @JsonProperty("village")
        VILLAGE,
        @JsonProperty("today")
        TODAY,
        @JsonProperty("now")
        NOW
    }

    /** The same field offering these choices (the items one ticket may be sent to, of all the catalog's). */
    public FieldDef withOptions(List<Label> choices) {
        return new FieldDef(
                code,
                type,
                zh,
                en,
                required,
                requiredWhen,
                mustEqual,
                mustEqualWhen,
                rule,
                min,
                max,
                maxLength,
                List.copyOf(choices),
                null,
                minRows,
                maxRows,
                fields,
                notAfterToday,
                prefill,
                accept);
    }

    /** A date of something that has happened (time on site, visit, completion): not later than today. */
    public boolean past() {
        return Boolean.TRUE.equals(notAfterToday);
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
