package org.reliefdesk.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.calendar.WorkingCalendar;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The step movements kept on each ticket row ({@code ticket.moves}) against the history they are
 * made from, after every way the store writes a history: an import, an action, a pulled page, and
 * rows of an older version that keep none.
 */
class StepMovesTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final TicketLineCodec CODEC = new TicketLineCodec(CATALOG);
    private static final TicketScope COUNTY = new TicketScope("530128", null, null);
    private static final UnaryOperator<String> SAME = s -> s;

    @TempDir
    Path dir;

    @Test
    void anImportedCountyKeepsTheMovementsOfEveryHistory() throws IOException {
        try (LocalStore store = LocalStore.open(dir)) {
            importSample(store, 400);
            assertEquals(0, notKept(store), "every imported ticket keeps its movements");
            assertMovementsAreTheHistories(store);
        }
    }

    @Test
    void anActionAppendsItsMovementAndAPulledPageReplacesThem() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory first = TestData.newWaterTicket("530128202111200001");
            TicketHistory second = TestData.newWaterTicket("530128202111200002");
            TestData.insert(store, first);
            TestData.insert(store, second);
            Ticket read = store.tickets().find(first.ticket().id()).orElseThrow();
            new TicketActions(
                            store,
                            new WorkflowEngine(
                                    CATALOG, Clock.fixed(TestData.SUBMITTED.plusSeconds(3600), ChinaTime.ZONE)))
                    .act(read.id(), read.version(), DemoUsers.WATER_CLERK, "accept", Map.of("station", "屏山水务站"), "");
            assertEquals(
                    List.of("submit", "dispatch", "accept"),
                    movements(store).get(read.id()).stream()
                            .map(TicketEvent::action)
                            .toList());
            assertMovementsAreTheHistories(store);

            // the central store's version of the second ticket: accepted
            store.tickets()
                    .replaceFromCentral(List.of(TestData.acceptedByCentral(second, "verification")), "leader", 7);
            assertEquals(
                    List.of("acceptance", "acceptance", "verification"),
                    movements(store).get(second.ticket().id()).stream()
                            .map(TicketEvent::toStep)
                            .toList());
            assertMovementsAreTheHistories(store);
        }
    }

    @Test
    void aTransferKeepsTheItemsItMovedBetweenSoTheClocksReadEachVisitUnderItsItem() throws SQLException {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory water = TestData.newWaterTicket("530128202111200004");
            TestData.insert(store, water);
            new TicketActions(
                            store,
                            new WorkflowEngine(
                                    CATALOG, Clock.fixed(TestData.SUBMITTED.plusSeconds(7200), ChinaTime.ZONE)))
                    .act(
                            water.ticket().id(),
                            0,
                            DemoUsers.WATER_CLERK,
                            "transfer",
                            Map.of("item", "house_renovation", "reason", "房屋漏雨，属危房改造"),
                            "");
            assertEquals(
                    "house_renovation",
                    store.tickets().find(water.ticket().id()).orElseThrow().itemCode());
            TicketEvent moved = movements(store).get(water.ticket().id()).get(2);
            assertEquals("transfer", moved.action());
            assertEquals("drinking_water", moved.itemBefore());
            assertEquals("house_renovation", moved.itemAfter());
            assertMovementsAreTheHistories(store);
            // a row that keeps no movements is read from its history, the items moved between included
            try (Connection c = store.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE ticket SET moves = NULL");
            }
            assertEquals(
                    "house_renovation",
                    movements(store).get(water.ticket().id()).get(2).itemAfter());
            assertMovementsAreTheHistories(store);
        }
        assertThrows(
                StoreException.class,
                () -> StepMoves.read(UUID.randomUUID(), "3,review,transfer,12,drinking_water>", SAME),
                "an item change without the item entered is damage");
    }

    @Test
    void rowsOfAnOlderVersionAreReadFromTheirHistories() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            importSample(store, 120);
            try (Connection c = store.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.executeUpdate(
                        "UPDATE ticket SET moves = NULL WHERE ticket_no LIKE '%0' OR ticket_no LIKE '%3' OR ticket_no LIKE '%6'");
                // and rows whose text was damaged (by hand, or a disk): read from their histories too
                s.executeUpdate("UPDATE ticket SET moves = '1,acceptance,submit' WHERE ticket_no LIKE '%1'");
                s.executeUpdate("UPDATE ticket SET moves = '1,,dispatch,12x' WHERE ticket_no LIKE '%2'");
            }
            assertFalse(notKept(store) == 0, "some rows keep no movements");
            assertMovementsAreTheHistories(store);
            TicketStore.Screen first = store.tickets().newest(COUNTY, 50);
            for (Ticket t : first.tickets()) {
                assertEquals(
                        clockEntries(store.tickets().events(t.id())),
                        clockEntries(first.timelines().getOrDefault(t.id(), List.of())),
                        t.ticketNo());
            }
        }
    }

    @Test
    void timesKeepTheMicrosecondsTheHistoryKeeps() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory h = TestData.newWaterTicket("530128202111200003");
            List<TicketEvent> events = new ArrayList<>();
            int[] nanos = {499, 500, 999_999_500};
            for (int i = 0; i < h.events().size(); i++) {
                TicketEvent e = h.events().get(i);
                events.add(new TicketEvent(
                        e.id(),
                        e.ticketId(),
                        e.seq(),
                        e.actor(),
                        e.at().plusNanos(nanos[i]),
                        e.action(),
                        e.fromStep(),
                        e.toStep(),
                        e.note(),
                        e.formData(),
                        e.outcome()));
            }
            TestData.insert(store, new TicketHistory(h.ticket(), events));
            assertMovementsAreTheHistories(store);
        }
    }

    @Test
    void aCodeTheFormatCannotHoldIsNotKeptAndDamageIsSaid() {
        UUID id = UUID.randomUUID();
        TicketEvent odd = new TicketEvent(
                UUID.randomUUID(), id, 1, "x", Instant.EPOCH, "a;b", null, "acceptance", null, Map.of(), null);
        assertNull(StepMoves.of(List.of(odd)));
        assertNull(StepMoves.append("", odd));
        assertNull(StepMoves.append(null, TestData.newWaterTicket("x").events().get(0)), "not kept stays not kept");
        TicketEvent note = new TicketEvent(
                UUID.randomUUID(), id, 2, "x", Instant.EPOCH, "note", null, null, "见备注", Map.of(), null);
        assertEquals("", StepMoves.append("", note), "an entry the clocks do not read is left out");
        assertThrows(StoreException.class, () -> StepMoves.read(id, "1,acceptance,submit", SAME));
        assertEquals(
                List.of(Instant.ofEpochSecond(-1, 999_999_000)),
                StepMoves.read(id, "1,,dispatch,-1", SAME).stream()
                        .map(TicketEvent::at)
                        .toList(),
                "a time before 1970 keeps its sign");
    }

    private static void importSample(LocalStore store, int count) throws IOException {
        List<String> lines = new SampleGenerator(CATALOG)
                .generate(5, TestData.TODAY, count).stream().map(CODEC::write).toList();
        new TicketImporter(store, CODEC, TestData.TODAY)
                .importLines(new BufferedReader(new StringReader(String.join("\n", lines))), n -> {});
    }

    private static Map<UUID, List<TicketEvent>> movements(LocalStore store) {
        return store.tickets().movements(COUNTY, () -> false).timelines();
    }

    /**
     * Every ticket's movements as read in bulk are the entries of its stored history the clocks
     * read, and give the same clocks.
     */
    private static void assertMovementsAreTheHistories(LocalStore store) {
        TicketStore.Screen read = store.tickets().movements(COUNTY, () -> false);
        assertEquals(store.tickets().count(), read.tickets().size());
        TicketClocks clocks = new TicketClocks(CATALOG, new WorkingCalendar(List.of()));
        Instant now = TestData.SUBMITTED.plusSeconds(20 * 86_400);
        // the same tickets asked for by id, as a save or a pulled page asks (and one that does not exist)
        List<UUID> ids = new ArrayList<>(read.tickets().stream().map(Ticket::id).toList());
        ids.add(UUID.randomUUID());
        TicketStore.Screen byId = store.tickets().movementsOf(ids);
        assertEquals(read.tickets().size(), byId.tickets().size());
        for (Ticket t : read.tickets()) {
            List<TicketEvent> history = store.tickets().events(t.id());
            List<TicketEvent> kept = read.timelines().getOrDefault(t.id(), List.of());
            assertEquals(clockEntries(history), clockEntries(kept), t.ticketNo());
            assertEquals(clockEntries(history), clockEntries(byId.timelines().getOrDefault(t.id(), List.of())));
            assertEquals(clocks.compute(t, history, now), clocks.compute(t, kept, now), t.ticketNo());
        }
    }

    /** What the clocks read of a history: sequence, action, step after and time of each entry they read. */
    private static List<String> clockEntries(List<TicketEvent> history) {
        return history.stream()
                .filter(TicketClocks::readsEntry)
                .map(e -> e.seq() + " " + e.action() + " " + e.toStep() + " " + e.at())
                .toList();
    }

    private static long notKept(LocalStore store) {
        try (Connection c = store.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM ticket WHERE moves IS NULL")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
