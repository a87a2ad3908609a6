package org.reliefdesk.central;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.logic.sync.PullPage;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.store.TicketImporter;
import org.reliefdesk.sync.CentralClient;
import org.reliefdesk.sync.Synchronizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PC's cursor is a change number of one central store. Pointed at another store (a new address
 * typed, a county's store set up afresh) or at its own store restored from a backup, the PC would
 * ask for the changes after a number that means nothing there and silently miss every ticket
 * numbered below it. Each page says which store made it and whether the cursor lies beyond the
 * county's last change; a PC pulls its scope again from the start when either says so.
 */
abstract class AnotherStoreContract extends WorldContract {

    AnotherStoreContract() {
        super("a", 60, 5);
    }

    @Test
    void everyPageNamesItsStoreAndTheNameOutlivesARestart() throws Exception {
        TicketScope leader = TicketScope.of(SyncWorld.LEADER_A, SyncWorld.CATALOG);
        String id = world.central.storeId();
        assertNotNull(UUID.fromString(id));
        PullPage page = world.central.tickets().pull(leader, 0, 10);
        assertEquals(id, page.store());
        assertFalse(page.cursorAhead());
        try (CentralStore again = CentralStore.open(world.jdbcUrl, SyncWorld.CATALOG, world.clock)) {
            assertEquals(id, again.storeId(), "a second server on the same database, or the same after a restart");
        }
        assertEquals(List.of(), page.earlierStores(), "never renewed: no earlier id");
        String renewed = world.central.renewStoreId();
        assertNotEquals(id, renewed);
        PullPage after = world.central.tickets().pull(leader, 0, 10);
        assertEquals(renewed, after.store());
        assertEquals(List.of(id), after.earlierStores(), "the old id named as this store's own before");
        try (CentralStore again = CentralStore.open(world.jdbcUrl, SyncWorld.CATALOG, world.clock)) {
            assertEquals(List.of(id), again.earlierStoreIds(), "kept in the database, for every server");
        }
    }

    @Test
    void aCursorBeyondTheCountysLastChangeIsSaidToBeAhead() throws Exception {
        TicketScope leader = TicketScope.of(SyncWorld.LEADER_A, SyncWorld.CATALOG);
        TicketScope water = TicketScope.of(SyncWorld.WATER_A, SyncWorld.CATALOG);
        long last = world.central.tickets().pull(leader, 0, 2000).next();
        for (TicketScope scope : List.of(leader, water)) {
            assertFalse(world.central.tickets().pull(scope, last, 100).cursorAhead(), scope.toString());
            PullPage beyond = world.central.tickets().pull(scope, last + 1, 100);
            assertTrue(beyond.cursorAhead(), scope.toString());
            assertTrue(beyond.changes().isEmpty());
            assertEquals(last + 1, beyond.next(), "the cursor is not moved by the store that does not know it");
        }
    }

    /** Another central store at the address the PC syncs with: everything in scope arrives, not only what is numbered higher. */
    @Test
    void aPcPointedAtAnotherCentralStorePullsItsWholeScopeThere() throws Exception {
        try (SyncWorld other = new SyncWorld(dir.resolve("b"), freshDatabase(dir.resolve("b")), 5, 0);
                SyncWorld.Pc pc = world.pc("pc", SyncWorld.LEADER_A)) {
            assertEquals(world.countyATickets, pc.sync().pulled());
            Set<UUID> onlyThere = other.intakeOthers(99, 20);
            assertTrue(
                    other.central.tickets().pull(leaderScope(), 0, 2000).next() < cursorOf(pc),
                    "the other store numbers all it has below this PC's cursor");

            Synchronizer.Report there = syncAt(pc, other.url());

            assertEquals(other.countyATickets + onlyThere.size(), there.pulled());
            assertTrue(there.startedOver(), "said, for the command to tell");
            assertTrue(ids(pc).containsAll(onlyThere), "every ticket of the other store is on the PC");
            assertTrue(pc.store.syncFacts().caughtUp(SyncWorld.LEADER_A.username()));
            Synchronizer.Report then = syncAt(pc, other.url());
            assertEquals(0, then.pulled(), "then on as usual, from the new cursor");
            assertFalse(then.startedOver());
        }
    }

    /**
     * Tickets only the store left behind had (a training store's practice tickets, say) leave the PC
     * once its scope is pulled whole at the store it syncs with now, and come back with that store.
     * A ticket with this PC's work waiting stays (held, to push at its store or give up), and so
     * does one taken in on this PC by {@code import}, which no store sent.
     */
    @Test
    void ticketsOnlyTheStoreLeftBehindHadLeaveThePcOnceItsScopeIsPulledThere() throws Exception {
        try (SyncWorld other = new SyncWorld(dir.resolve("b"), freshDatabase(dir.resolve("b")), 5, 0);
                SyncWorld.Pc pc = world.pc("pc", SyncWorld.WATER_A)) {
            pc.sync();
            Set<UUID> imported = importOwn(pc, 4);
            UUID waiting = pc.act(pc.actionable().orElseThrow()).id();
            Set<UUID> fromHere = everyTicket(pc);
            fromHere.removeAll(imported);
            Set<UUID> there = idsIn(other, TicketScope.of(SyncWorld.WATER_A, SyncWorld.CATALOG));
            Set<UUID> onlyHere = new HashSet<>(fromHere);
            onlyHere.removeAll(there);
            onlyHere.remove(waiting);
            assertFalse(onlyHere.isEmpty(), "the test needs tickets only the first store has");

            Synchronizer.Report atOther = syncAt(pc, other.url());

            Set<UUID> now = everyTicket(pc);
            assertEquals(onlyHere.size(), atOther.leftBehind(), "said, for the status line and the command");
            assertTrue(Collections.disjoint(now, onlyHere), "none of the first store's own tickets stays");
            assertTrue(now.containsAll(there), "the other store's scope");
            assertTrue(now.containsAll(imported), "imported here: no store sent them");
            assertTrue(now.contains(waiting), "its work waits for its store");
            assertEquals(1, atOther.held());
            assertEquals(0, syncAt(pc, other.url()).leftBehind(), "once, when the scope was first pulled whole");

            Synchronizer.Report back = syncAt(pc, world.url());

            Set<UUID> onlyThere = new HashSet<>(there);
            onlyThere.removeAll(fromHere);
            Set<UUID> after = everyTicket(pc);
            assertTrue(after.containsAll(fromHere), "the first store's tickets, back with it");
            assertTrue(Collections.disjoint(after, onlyThere), "the other store's own tickets gone in turn");
            assertEquals(onlyThere.size(), back.leftBehind());
            assertEquals(0, back.held(), "the waiting work pushed at its store");
        }
    }

    /**
     * The PC's own store restored from a backup taken before the PC's last pull: its numbers go back.
     * Before anyone writes again the cursor is ahead of the county and the PC pulls all again; once
     * new writes passed the cursor, only a new store id ({@code central renew-id}, as the README
     * says to run after a restore) tells the PC, and without it the changes numbered between the
     * restored number and the cursor would be missed.
     */
    @Test
    void aStoreRestoredFromABackupIsPulledAgainFromTheStart() throws Exception {
        try (SyncWorld.Pc pc = world.pc("pc", SyncWorld.LEADER_A)) {
            assertEquals(world.countyATickets, pc.sync().pulled());
            long cursor = cursorOf(pc);
            long backupAt = restore(cursor - 20);

            Synchronizer.Report ahead = syncAt(pc, world.url());
            assertEquals(world.countyATickets - 20, ahead.pulled(), "the restored store's tickets, all again");
            assertTrue(ahead.startedOver());
            assertEquals(backupAt, cursorOf(pc));

            // written to past its new cursor, then restored once more and written to past the
            // cursor again: the number alone cannot tell, the store's new id does
            Set<UUID> lost = world.intakeOthers(55, 10);
            assertEquals(lost.size(), syncAt(pc, world.url()).pulled());
            assertTrue(cursorOf(pc) > backupAt);
            restore(backupAt);
            Set<UUID> afterRestore = world.intakeOthers(77, 25);
            assertTrue(world.central.tickets().pull(leaderScope(), 0, 2000).next() > cursorOf(pc));
            world.central.renewStoreId();
            Synchronizer.Report renewed = syncAt(pc, world.url());
            assertEquals(world.countyATickets - 20 + afterRestore.size(), renewed.pulled());
            assertTrue(ids(pc).containsAll(afterRestore));
        }
    }

    /** Tickets of another generator seed, a year back, taken in on this PC by {@code import}; their ids. */
    private Set<UUID> importOwn(SyncWorld.Pc pc, int count) throws IOException {
        TicketLineCodec codec = new TicketLineCodec(SyncWorld.CATALOG);
        List<TicketHistory> made = new SampleGenerator(SyncWorld.CATALOG)
                .generate(33, world.clock.instant().minus(Duration.ofDays(365)), count);
        String lines = made.stream().map(codec::write).collect(Collectors.joining("\n"));
        new TicketImporter(pc.store, codec, LocalDate.now(world.clock.withZone(ChinaTime.ZONE)))
                .importLines(new BufferedReader(new StringReader(lines)), n -> {});
        return made.stream().map(h -> h.ticket().id()).collect(Collectors.toSet());
    }

    /** Every ticket the PC holds, whoever's scope. */
    private static Set<UUID> everyTicket(SyncWorld.Pc pc) {
        return pc.store.tickets().list(leaderScope()).stream()
                .map(Ticket::id)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** The tickets a store sends for {@code scope}. */
    private static Set<UUID> idsIn(SyncWorld w, TicketScope scope) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<UUID> ids = new HashSet<>();
        for (PullPage.Change ch : w.central.tickets().pull(scope, 0, 5000).changes()) {
            ids.add(UUID.fromString(json.readTree(ch.ticket()).get("id").asText()));
        }
        return ids;
    }

    private static TicketScope leaderScope() {
        return TicketScope.of(SyncWorld.LEADER_A, SyncWorld.CATALOG);
    }

    private static long cursorOf(SyncWorld.Pc pc) {
        return pc.store.syncFacts().cursor(pc.user.username());
    }

    private static Set<UUID> ids(SyncWorld.Pc pc) {
        return pc.tickets().stream().map(Ticket::id).collect(Collectors.toSet());
    }

    private Synchronizer.Report syncAt(SyncWorld.Pc pc, String url) throws IOException {
        try (CentralClient client = new CentralClient(url, Duration.ofSeconds(20))) {
            return new Synchronizer(pc.store, client, SyncWorld.CATALOG, world.clock)
                    .run(pc.user.username(), SyncWorld.PASSWORD.toCharArray(), p -> {});
        }
    }

    /**
     * The store as a backup taken at {@code number} left it: county A's tickets numbered after it
     * gone, and its counter back there (what restoring a database dump does). Returns {@code number}.
     */
    private long restore(long number) {
        world.central.database().inTransaction(c -> {
            String later = "SELECT id FROM central_ticket WHERE county_code = ? AND change_no > ?";
            run(c, "DELETE FROM central_event WHERE ticket_id IN (" + later + ")", number);
            run(c, "DELETE FROM ticket_attachment WHERE ticket_id IN (" + later + ")", number);
            run(c, "DELETE FROM central_handover WHERE county_code = ? AND change_no > ?", number);
            run(c, "DELETE FROM central_ticket WHERE county_code = ? AND change_no > ?", number);
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE county_change_counter SET last_change = ? WHERE county_code = ?")) {
                ps.setLong(1, number);
                ps.setString(2, SyncWorld.COUNTY_A);
                ps.executeUpdate();
            }
            return null;
        });
        return number;
    }

    private static void run(Connection c, String sql, long number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, SyncWorld.COUNTY_A);
            ps.setLong(2, number);
            ps.executeUpdate();
        }
    }
}
