package org.reliefdesk.logic.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.model.TicketEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The files a ticket's forms name, in the order of its history, each with the event and field it came with. */
class TicketAttachmentsTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final UUID TICKET = UUID.randomUUID();
    private static final String A = "a".repeat(64) + ".jpg";
    private static final String B = "b".repeat(64) + ".png";

    private static TicketEvent event(int seq, String action, Map<String, Object> form) {
        return new TicketEvent(
                UUID.randomUUID(),
                TICKET,
                seq,
                "someone",
                Instant.parse("2026-11-20T02:00:00Z"),
                action,
                null,
                null,
                null,
                form,
                null);
    }

    @Test
    void everyFileOfEveryFormInHistoryOrder() {
        List<TicketEvent> history = List.of(
                event(1, "submit", Map.of()),
                event(2, "accept", Map.of("station", "屏山水务站")),
                event(3, "verify", Map.of("photos", List.of(A, B), "onSiteAt", "2026-11-21T09:00")),
                event(4, "verify", Map.of("photos", "not a list")),
                event(5, "no_such_action", Map.of("photos", List.of(A))));
        List<TicketAttachments.Attached> files = TicketAttachments.of(CATALOG, "drinking_water", history);
        assertEquals(2, files.size());
        assertEquals(A, files.get(0).storedName());
        assertEquals(B, files.get(1).storedName());
        assertEquals(3, files.get(0).seq());
        assertEquals("verify", files.get(1).action());
        assertEquals("photos", files.get(0).field().code());
        assertEquals(List.of(), TicketAttachments.of(CATALOG, "drinking_water", List.of()));
    }
}
