package org.reliefdesk.logic.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.logic.catalog.FieldType;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.model.InvalidFieldException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bounds of a form's fields, exactly at and just past each limit: the value the rule names and no other. */
class FormValidatorBoundsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final FormValidator VALIDATOR = new FormValidator(CatalogLoader.loadBuiltIn());

    private static FieldDef field(
            String code,
            FieldType type,
            BigDecimal min,
            BigDecimal max,
            Integer maxLength,
            Integer minRows,
            Integer maxRows,
            List<FieldDef> fields,
            Boolean past) {
        return new FieldDef(
                code, type, code, code, false, null, null, null, null, min, max, maxLength, null, null, minRows,
                maxRows, fields, past, null, null);
    }

    private static Object valid(FieldDef f, Object value) {
        return VALIDATOR
                .validate(new FormDef("t", List.of(f)), Map.of(f.code(), value), Map.of(), TODAY)
                .get(f.code());
    }

    private static String refused(FieldDef f, Object value) {
        return assertThrows(
                        InvalidFieldException.class,
                        () -> VALIDATOR.validate(
                                new FormDef("t", List.of(f)), Map.of(f.code(), value), Map.of(), TODAY))
                .rule();
    }

    @Test
    void textUpToItsLengthAndNoFurther() {
        FieldDef f = field("t", FieldType.TEXT, null, null, 3, null, null, null, null);
        assertEquals("abc", valid(f, " abc "));
        assertEquals("rule.form.maxLength", refused(f, "abcd"));
        assertEquals("12", valid(f, 12), "a number typed where text is asked for is its text");
        assertEquals("rule.text", refused(f, List.of("x")));
    }

    @Test
    void numbersWithinTheirRangeAndWholeWhereWholeIsAsked() {
        FieldDef n = field("n", FieldType.INTEGER, BigDecimal.ONE, BigDecimal.TEN, null, null, null, null, null);
        assertEquals(1L, valid(n, 1));
        assertEquals(10L, valid(n, "10"));
        assertEquals(10L, valid(n, "10.0"), "10.0 is a whole number");
        assertEquals("rule.form.min", refused(n, 0));
        assertEquals("rule.form.max", refused(n, 11));
        assertEquals("rule.form.integer", refused(n, "2.5"));
        assertEquals("rule.form.number", refused(n, "zwei"));
        FieldDef d = field(
                "d", FieldType.DECIMAL, new BigDecimal("0.5"), new BigDecimal("2100"), null, null, null, null, null);
        assertEquals(2100L, valid(d, "2100.00"), "whole amounts are whole numbers");
        assertEquals(0.5, valid(d, "0.5"));
        assertEquals("rule.form.min", refused(d, "0.49"));
        assertEquals("rule.form.max", refused(d, "2100.01"));
    }

    @Test
    void datesNotAfterTodayWhereTheyHaveHappened() {
        FieldDef past = field("on", FieldType.DATE, null, null, null, null, null, null, true);
        assertEquals("2026-12-01", valid(past, "2026-12-01"));
        assertEquals("rule.form.notAfterToday", refused(past, "2026-12-02"));
        assertEquals("rule.form.date", refused(past, "2026/12/01"));
        FieldDef any = field("on", FieldType.DATE, null, null, null, null, null, null, null);
        assertEquals("2026-12-02", valid(any, "2026-12-02"));
        FieldDef at = field("at", FieldType.DATE_TIME, null, null, null, null, null, null, true);
        assertEquals("2026-12-01T09:30", valid(at, "2026-12-01T09:30"));
        assertEquals("2026-12-01T09:30", valid(at, "2026-12-01T01:30:00Z"), "an instant is said in China time");
        assertEquals("rule.form.notAfterToday", refused(at, "2026-12-02T00:00"));
        assertEquals("rule.form.dateTime", refused(at, "tomorrow"));
    }

    @Test
    void rowsBetweenTheirLimits() {
        FieldDef name = field("name", FieldType.TEXT, null, null, 10, null, null, null, null);
        FieldDef rows = field("rows", FieldType.ROWS, null, null, null, 2, 3, List.of(name), null);
        assertEquals(
                List.of(Map.of("name", "甲"), Map.of("name", "乙")),
                valid(rows, List.of(Map.of("name", "甲"), Map.of("name", "乙"))));
        assertEquals(3, ((List<?>) valid(rows, List.of(Map.of(), Map.of(), Map.of()))).size());
        assertEquals("rule.form.minRows", refused(rows, List.of(Map.of("name", "甲"))));
        assertEquals("rule.form.maxRows", refused(rows, List.of(Map.of(), Map.of(), Map.of(), Map.of())));
        assertEquals("rule.form.row", refused(rows, List.of("甲", "乙")));
        assertEquals("rule.form.list", refused(rows, "甲"));
        InvalidFieldException inner = assertThrows(
                InvalidFieldException.class,
                () -> VALIDATOR.validate(
                        new FormDef("t", List.of(rows)),
                        Map.of("rows", List.of(Map.of("name", "甲"), Map.of("name", "12345678901"))),
                        Map.of(),
                        TODAY));
        assertEquals("rows[1].name", inner.field(), inner.rule() + " " + inner.args());
    }

    @Test
    void yesOrNoAndNothingElse() {
        FieldDef b = field("b", FieldType.BOOLEAN, null, null, null, null, null, null, null);
        assertEquals(true, valid(b, true));
        assertEquals(false, valid(b, " false "));
        assertEquals("rule.form.boolean", refused(b, "yes"));
    }
}
