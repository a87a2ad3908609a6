package org.reliefdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;

/** The local store on a real H2 file in a temporary directory. */
class LocalStoreTest {

    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyDirectoryAndValidatesTheMapping() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            assertEquals(0, store.tickets().count());
        }
        assertTrue(Files.exists(dir.resolve("db/reliefdesk.mv.db")));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db/reliefdesk"), "sa", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "select \"version\", \"success\" from \"flyway_schema_history\" where \"version\" is not null")) {
            assertTrue(rs.next());
            assertEquals("1", rs.getString(1));
            assertTrue(rs.getBoolean(2));
        }
        // Opening again finds the schema current and changes nothing.
        try (LocalStore store = LocalStore.open(dir)) {
            assertEquals(0, store.tickets().count());
        }
    }

    @Test
    void aChangeAndItsEventAreWrittenTogether() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory h = TestData.newWaterTicket("5301282021112000001");
            TestData.insert(store, h);
            Ticket read = store.tickets().find(h.ticket().id()).orElseThrow();
            Ticket accepted = read.withStep("verification", TicketStatus.IN_PROGRESS, null, null);
            TicketEvent event = new TicketEvent(UUID.randomUUID(), read.id(), 3, "water.clerk",
                    TestData.SUBMITTED.plusSeconds(3600), "accept", "acceptance", "verification", "已受理", Map.of(), null);

            Ticket stored = store.tickets().applyChange(accepted, event);

            assertEquals(read.version() + 1, stored.version());
            assertEquals("verification", store.tickets().find(read.id()).orElseThrow().currentStep());
            assertEquals(3, store.tickets().events(read.id()).size());
            assertEquals("已受理", store.tickets().events(read.id()).get(2).note());
        }
    }

    @Test
    void aFailingEventLeavesTheTicketUnchanged() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory h = TestData.newWaterTicket("5301282021112000002");
            TestData.insert(store, h);
            Ticket read = store.tickets().find(h.ticket().id()).orElseThrow();
            // seq 2 is taken: the event insert fails, so the ticket update must roll back too.
            TicketEvent clash = new TicketEvent(UUID.randomUUID(), read.id(), 2, "water.clerk",
                    TestData.SUBMITTED.plusSeconds(3600), "accept", "acceptance", "verification", null, Map.of(), null);
            assertThrows(RuntimeException.class, () -> store.tickets().applyChange(
                    read.withStep("verification", TicketStatus.IN_PROGRESS, null, null), clash));
            Ticket after = store.tickets().find(read.id()).orElseThrow();
            assertEquals("acceptance", after.currentStep());
            assertEquals(read.version(), after.version());
            assertEquals(2, store.tickets().events(read.id()).size());
        }
    }

    @Test
    void aChangeMadeOnAStaleVersionIsRefused() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory h = TestData.newWaterTicket("5301282021112000003");
            TestData.insert(store, h);
            Ticket first = store.tickets().find(h.ticket().id()).orElseThrow();
            Ticket second = store.tickets().find(h.ticket().id()).orElseThrow(); // a second window's copy
            store.tickets().applyChange(first.withStep("verification", TicketStatus.IN_PROGRESS, null, null),
                    new TicketEvent(UUID.randomUUID(), first.id(), 3, "a", TestData.SUBMITTED, "accept",
                            "acceptance", "verification", null, Map.of(), null));

            assertThrows(StaleTicketException.class, () -> store.tickets().applyChange(
                    second.withStep("concluded", TicketStatus.CONCLUDED, TestData.SUBMITTED, null),
                    new TicketEvent(UUID.randomUUID(), second.id(), 3, "b", TestData.SUBMITTED, "reject",
                            "acceptance", "concluded", null, Map.of(), null)));
            assertEquals("verification", store.tickets().find(first.id()).orElseThrow().currentStep());
            assertEquals(3, store.tickets().events(first.id()).size());
        }
    }

    @Test
    void demoUsersAreAddedOnce() {
        try (LocalStore store = LocalStore.open(dir)) {
            assertEquals(6, store.users().addMissing(DemoUsers.all()));
            assertEquals(0, store.users().addMissing(DemoUsers.all()));
            assertEquals(6, store.users().list().size());
        }
    }
}
