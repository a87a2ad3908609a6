package org.reliefdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                ResultSet rs = c.createStatement()
                        .executeQuery(
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

    /**
     * A command's store ends without compacting the file (H2 would spend up to 0.2 s at close) and
     * what it wrote is there at the next opening, the workbench's, which compacts again.
     */
    @Test
    void aCommandsStoreEndsWithoutCompactingAndKeepsWhatItWrote() throws Exception {
        try (LocalStore store = LocalStore.open(dir, LocalStore.AtClose.QUICK)) {
            assertEquals("0", setting(store, "MAX_COMPACT_TIME"));
            assertEquals(1, store.users().addMissing(List.of(DemoUsers.WATER_CLERK)));
        }
        try (LocalStore store = LocalStore.open(dir)) {
            assertEquals("200", setting(store, "MAX_COMPACT_TIME"));
            assertEquals(
                    List.of(DemoUsers.WATER_CLERK.username()),
                    store.users().list().stream().map(User::username).toList());
        }
    }

    private static String setting(LocalStore store, String name) {
        return store.readJdbc(c -> {
            try (var q = c.prepareStatement(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** Actions as the workbench takes them: the engine decides, the change, its event and its operation are written together. */
    private static TicketActions actions(LocalStore store) {
        return new TicketActions(
                store,
                new WorkflowEngine(
                        CatalogLoader.loadBuiltIn(),
                        Clock.fixed(TestData.SUBMITTED.plusSeconds(3600), ChinaTime.ZONE)));
    }

    @Test
    void aChangeItsEventAndItsOperationAreWrittenTogether() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory h = TestData.newWaterTicket("5301282021112000001");
            TestData.insert(store, h);
            Ticket read = store.tickets().find(h.ticket().id()).orElseThrow();

            Ticket stored = actions(store)
                    .act(read.id(), read.version(), DemoUsers.WATER_CLERK, "accept", Map.of("station", "屏山水务站"), "已受理");

            assertEquals(read.version() + 1, stored.version());
            assertEquals(
                    "verification",
                    store.tickets().find(read.id()).orElseThrow().currentStep());
            assertEquals(3, store.tickets().events(read.id()).size());
            assertEquals("已受理", store.tickets().events(read.id()).get(2).note());
            assertEquals(1, store.outbox().pending("water.clerk", 10).size(), "the change waits for the central store");
            assertEquals(
                    read.id(), store.outbox().pending("water.clerk", 10).get(0).ticketId());
        }
    }

    @Test
    void aRefusedActionLeavesTicketHistoryAndOutboxUnchanged() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory h = TestData.newWaterTicket("5301282021112000002");
            TestData.insert(store, h);
            Ticket read = store.tickets().find(h.ticket().id()).orElseThrow();
            assertThrows(
                    InvalidFieldException.class,
                    () -> actions(store).act(read.id(), read.version(), DemoUsers.WATER_CLERK, "accept", Map.of(), ""));
            Ticket after = store.tickets().find(read.id()).orElseThrow();
            assertEquals("acceptance", after.currentStep());
            assertEquals(read.version(), after.version());
            assertEquals(2, store.tickets().events(read.id()).size());
            assertEquals(0, store.outbox().pendingCount());
        }
    }

    @Test
    void aChangeMadeOnAStaleVersionIsRefused() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory h = TestData.newWaterTicket("5301282021112000003");
            TestData.insert(store, h);
            Ticket first = store.tickets().find(h.ticket().id()).orElseThrow();
            Ticket second = store.tickets().find(h.ticket().id()).orElseThrow(); // a second window's copy
            actions(store)
                    .act(first.id(), first.version(), DemoUsers.WATER_CLERK, "accept", Map.of("station", "屏山水务站"), "");

            assertThrows(
                    StaleTicketException.class,
                    () -> actions(store)
                            .act(
                                    second.id(),
                                    second.version(),
                                    DemoUsers.WATER_CLERK,
                                    "reject",
                                    Map.of("reason", "不属于本部门"),
                                    ""));
            assertEquals(
                    "verification",
                    store.tickets().find(first.id()).orElseThrow().currentStep());
            assertEquals(3, store.tickets().events(first.id()).size());
            assertEquals(1, store.outbox().pendingCount());
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
