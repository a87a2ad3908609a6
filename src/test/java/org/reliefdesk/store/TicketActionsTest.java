package org.reliefdesk.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketHistory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Acting on a stored ticket: one transaction, refusals write nothing, stale views are refused. */
class TicketActionsTest {

    @TempDir
    Path dir;

    @Test
    void anActionIsStoredWithItsEventAndARefusalWritesNothing() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory h = TestData.newWaterTicket("5301282021112000021");
            TestData.insert(store, h);
            WorkflowEngine engine = new WorkflowEngine(
                    CatalogLoader.loadBuiltIn(),
                    Clock.fixed(TestData.SUBMITTED.plusSeconds(7200), ZoneId.of("Asia/Shanghai")));
            TicketActions actions = new TicketActions(store, engine);

            InvalidFieldException refused = assertThrows(
                    InvalidFieldException.class,
                    () -> actions.act(
                            h.ticket().id(), 0, DemoUsers.TOWNSHIP_STAFF, "accept", Map.of("station", "屏山水务站"), null));
            assertEquals("rule.workflow.role", refused.rule());
            InvalidFieldException blank = assertThrows(
                    InvalidFieldException.class,
                    () -> actions.act(h.ticket().id(), 0, DemoUsers.WATER_CLERK, "accept", Map.of(), null));
            assertEquals("station", blank.field());
            assertEquals(2, store.tickets().events(h.ticket().id()).size());

            Ticket accepted = actions.act(
                    h.ticket().id(), 0, DemoUsers.WATER_CLERK, "accept", Map.of("station", "屏山水务站"), "已派往水务站");
            assertEquals("verification", accepted.currentStep());
            assertEquals(1, accepted.version());
            assertEquals(
                    "water.clerk",
                    store.tickets().events(h.ticket().id()).get(2).actor());

            assertThrows(
                    StaleTicketException.class,
                    () -> actions.act(
                            h.ticket().id(), 0, DemoUsers.WATER_CLERK, "reject", Map.of("reason", "x"), null));
            assertEquals(3, store.tickets().events(h.ticket().id()).size());
        }
    }
}
