package org.reliefdesk.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reliefdesk.model.TicketEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A ticket's row of forms gives back each event's form as written, whatever the forms hold. */
class TicketFormsTest {

    private static final UUID TICKET = UUID.randomUUID();

    @Test
    void formsHoldingBracesQuotesAndRareCharactersComeBackAsWrittenAlsoAfterAnAppend() {
        Map<String, Object> tricky = new LinkedHashMap<>();
        tricky.put("description", "水管}坏了\"三天\" {\\n} 𠮷");
        tricky.put("rows", List.of(Map.of("name", "}"), Map.of("name", "{")));
        tricky.put("count", 3);
        TicketEvent first = event(1, tricky);
        TicketEvent second = event(2, Map.of());
        TicketEvent third = event(3, Map.of("note", "}}}"));

        String stored = TicketForms.with(TicketForms.of(List.of(first, second)), third);

        Map<UUID, Map<String, Object>> read = TicketForms.read(TICKET, stored);
        assertEquals(List.of(first.id(), second.id(), third.id()), List.copyOf(read.keySet()));
        assertEquals(tricky, read.get(first.id()));
        assertEquals(Map.of(), read.get(second.id()));
        assertEquals(Map.of("note", "}}}"), read.get(third.id()));
        // a row grown one action at a time is the row written whole by a pull
        assertEquals(
                TicketForms.of(List.of(first, second, third)),
                TicketForms.with(TicketForms.with(TicketForms.with(null, first), second), third));
    }

    @Test
    void aDamagedRowIsSaidToBeOneAndNamesItsTicketNotReadAsNoForms() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> TicketForms.read(TICKET, "{\"" + UUID.randomUUID() + "\":{"));
        assertEquals("the stored forms of ticket " + TICKET + " are not JSON", e.getMessage());
    }

    private static TicketEvent event(int seq, Map<String, Object> form) {
        return new TicketEvent(
                UUID.randomUUID(),
                TICKET,
                seq,
                "water.clerk",
                Instant.parse("2026-12-01T02:00:00Z"),
                "note",
                null,
                null,
                null,
                form,
                null);
    }
}
