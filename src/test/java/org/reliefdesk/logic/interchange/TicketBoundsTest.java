package org.reliefdesk.logic.interchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;

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

    @Test
    void aRefusalInAWholeHistoryNamesItsEventAndValueWhateverWasCheckedBeforeIt() {
        Catalog catalog = CatalogLoader.loadBuiltIn();
        TicketHistory h = new SampleGenerator(catalog)
                .generate(SampleGenerator.DEFAULT_SEED, Instant.parse("2026-11-30T02:00:00Z"), 40).stream()
                        .filter(t -> t.events().size() >= 4)
                        .findFirst()
                        .orElseThrow();
        assertDoesNotThrow(() -> TicketBounds.check(h));
        // earlier events' forms and notes pass first; the path must not keep any of them
        Map<String, Object> form = new LinkedHashMap<>(h.events().get(3).formData());
        form.put("members", List.of(Map.of("name", "王五"), Map.of("name", "赵\u202E六")));
        InvalidFieldException inRow =
                assertThrows(InvalidFieldException.class, () -> TicketBounds.check(withEvent(h, 3, form, null, null)));
        InvalidFieldException note = assertThrows(
                InvalidFieldException.class,
                () -> TicketBounds.check(withEvent(h, 2, h.events().get(2).formData(), "已核实\u0007", null)));
        InvalidFieldException actor = assertThrows(
                InvalidFieldException.class,
                () -> TicketBounds.check(withEvent(h, 3, h.events().get(3).formData(), null, "张".repeat(201))));
        Map<String, Object> longText = new LinkedHashMap<>(h.events().get(1).formData());
        longText.put("remark", "长".repeat(4001));
        InvalidFieldException tooLong = assertThrows(
                InvalidFieldException.class, () -> TicketBounds.check(withEvent(h, 1, longText, null, null)));
        assertAll(
                () -> assertEquals("events[3].form.members[1].name", inRow.field()),
                () -> assertEquals("rule.bounds.control", inRow.rule()),
                () -> assertEquals("events[2].note", note.field()),
                () -> assertEquals("events[3].actor", actor.field()),
                () -> assertEquals("rule.bounds.length", actor.rule()),
                () -> assertEquals(List.of(200, 201), actor.args()),
                () -> assertEquals("events[1].form.remark", tooLong.field()),
                () -> assertEquals(List.of(4000, 4001), tooLong.args()));
    }

    @Test
    void aTicketNumberOfNoDayOrOfAnotherDayIsRefusedByItsRule() {
        Catalog catalog = CatalogLoader.loadBuiltIn();
        TicketHistory h = new SampleGenerator(catalog)
                .generate(SampleGenerator.DEFAULT_SEED, Instant.parse("2026-11-30T02:00:00Z"), 1)
                .get(0);
        String no = h.ticket().ticketNo();
        String county = no.substring(0, 6);
        String day = no.substring(6, 14);
        InvalidFieldException noDay = assertThrows(
                InvalidFieldException.class,
                () -> TicketBounds.ticketNumber(h.ticket().withNumber(county + "20260230" + no.substring(14))));
        String otherDay = day.equals("20260101") ? "20260102" : "20260101";
        InvalidFieldException anotherDay = assertThrows(
                InvalidFieldException.class,
                () -> TicketBounds.ticketNumber(h.ticket().withNumber(county + otherDay + no.substring(14))));
        assertAll(
                () -> assertDoesNotThrow(() -> TicketBounds.ticketNumber(h.ticket())),
                () -> assertEquals("rule.ticketNo.format", noDay.rule()),
                () -> assertEquals("rule.ticketNo.day", anotherDay.rule()),
                () -> assertEquals(List.of(day), anotherDay.args()));
    }

    /** The history with one event's form, note or actor changed (null keeps the event's own). */
    private static TicketHistory withEvent(
            TicketHistory h, int i, Map<String, Object> form, String note, String actor) {
        List<TicketEvent> events = new ArrayList<>(h.events());
        TicketEvent e = events.get(i);
        events.set(
                i,
                new TicketEvent(
                        e.id(),
                        e.ticketId(),
                        e.seq(),
                        actor != null ? actor : e.actor(),
                        e.at(),
                        e.action(),
                        e.fromStep(),
                        e.toStep(),
                        note != null ? note : e.note(),
                        form,
                        e.outcome(),
                        e.receivedAt()));
        return new TicketHistory(h.ticket(), events);
    }
}
