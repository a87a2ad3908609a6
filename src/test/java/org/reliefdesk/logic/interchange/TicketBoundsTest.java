package org.reliefdesk.logic.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reliefdesk.model.InvalidFieldException;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The characters a stored text may not hold, and the field a refusal names. */
class TicketBoundsTest {

    /** The rule as it was written before the loop replaced it (the loop must refuse the same). */
    private static final Pattern ONE_LINE =
            Pattern.compile("[\\p{Cc}\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029\\uFEFF]");

    private static final Pattern MULTI_LINE = Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029\\uFEFF]");

    @Test
    void everyCharacterIsRefusedExactlyWhenThePatternRefusedIt() {
        List<String> differ = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String s = String.valueOf((char) c);
            if (TicketBounds.refused((char) c, false) != ONE_LINE.matcher(s).find()) {
                differ.add("one line U+" + Integer.toHexString(c));
            }
            if (TicketBounds.refused((char) c, true) != MULTI_LINE.matcher(s).find()) {
                differ.add("text U+" + Integer.toHexString(c));
            }
        }
        assertEquals(List.of(), differ);
    }

    @Test
    void aRefusalNamesTheFieldAndTheRuleWhereverTheCharacterIs() {
        InvalidFieldException name = assertThrows(
                InvalidFieldException.class, () -> TicketBounds.oneLine("applicant.name", "李\u202E四", 100));
        InvalidFieldException note =
                assertThrows(InvalidFieldException.class, () -> TicketBounds.multiLine("note", "已受理\u0007", 4000));
        InvalidFieldException nested = assertThrows(
                InvalidFieldException.class,
                () -> TicketBounds.form("events[2].form.", Map.of("members", List.of(Map.of("name", "\uFEFF王五"))), 0));
        assertAll(
                () -> assertEquals("applicant.name", name.field()),
                () -> assertEquals("rule.bounds.control", name.rule()),
                () -> assertEquals("note", note.field()),
                () -> assertEquals("events[2].form.members[0].name", nested.field()),
                () -> assertDoesNotThrow(() -> TicketBounds.multiLine("note", "第一行\r\n\t第二行", 4000)),
                () -> assertThrows(InvalidFieldException.class, () -> TicketBounds.oneLine("villageName", "大村\n", 100)),
                () -> assertDoesNotThrow(() -> TicketBounds.oneLine("applicant.name", "𠀀李四·阿依古丽", 100)));
    }

    @Test
    void listsInListsAreRefusedAtTheDepthRowsAre() {
        Object nested = "最里面";
        for (int i = 0; i < 10; i++) {
            nested = List.of(nested);
        }
        Object deep = nested;
        InvalidFieldException refused = assertThrows(
                InvalidFieldException.class, () -> TicketBounds.form("events[1].form.", Map.of("x", deep), 0));
        // a multi-choice in a row of a row (the deepest a form nests) is still taken
        Map<String, Object> deepestRow = Map.of("choices", List.of("a", "b"));
        Map<String, Object> row = Map.of("inner", List.of(deepestRow));
        assertAll(
                () -> assertEquals("rule.bounds.depth", refused.rule()),
                () -> assertEquals("events[1].form.x[0][0][0][0][0][0]", refused.field()),
                () -> assertDoesNotThrow(() -> TicketBounds.form("f.", Map.of("rows", List.of(row)), 0)));
    }
}
