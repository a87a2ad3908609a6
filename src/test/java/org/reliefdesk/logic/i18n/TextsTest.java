package org.reliefdesk.logic.i18n;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reliefdesk.model.InvalidFieldException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A refusal opens with its field's name; in English with a capital, though names are kept lower-case. */
class TextsTest {

    private static final Texts EN = new Texts(Locale.ENGLISH);
    private static final Texts ZH = new Texts(Texts.CHINESE);

    @Test
    void anEnglishRefusalOpensWithACapital() {
        InvalidFieldException e = new InvalidFieldException("asOf", "rule.form.date");
        assertEquals("report date", EN.fieldName("asOf"));
        assertEquals("Report date: must be a date like 2024-10-01", EN.describe(e));
        assertEquals(
                "Resident ID number: is required",
                EN.describe(new InvalidFieldException("applicant.idNumber", "rule.required")));
        assertEquals(
                "Visit result: is required",
                EN.describe(new InvalidFieldException("result", "rule.required"), f -> Optional.of("visit result")));
    }

    @Test
    void aChineseRefusalIsAsItWas() {
        assertEquals(
                ZH.fieldName("asOf") + "：" + ZH.ruleText(new InvalidFieldException("asOf", "rule.form.date")),
                ZH.describe(new InvalidFieldException("asOf", "rule.form.date")));
    }
}
