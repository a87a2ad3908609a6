package org.reliefdesk.central;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sync.PullPage;
import org.reliefdesk.model.Ticket;
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
