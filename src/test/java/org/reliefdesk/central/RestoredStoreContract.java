package org.reliefdesk.central;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.store.Outbox;
import org.reliefdesk.sync.CentralClient;
import org.reliefdesk.sync.Synchronizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A central store restored from a backup has lost what PCs pushed after the backup was taken,
 * though every PC holds it as synced: a clerk's 反馈 recorded, a ticket opened for a resident,
 * gone from the county's record without anyone being told. A PC that finds its own store restored
 * (its cursor past the county's last change, or a new id naming the old one as earlier) sends that
 * work again, as it was; a PC pointed at another store sends it nothing. Restores here are real:
 * every table put back as a backup of the whole database had it ({@link DatabaseCopy}).
 */
abstract class RestoredStoreContract extends WorldContract {

    RestoredStoreContract() {
        super("a", 60, 5);
    }

    /** Restored before anyone wrote again: the cursor is ahead, and both the action and the opening are sent again. */
    @Test
    void workTheRestoreLostIsSentAgainAsItWas() throws Exception {
        try (SyncWorld.Pc pc = world.pc("civil", SyncWorld.CIVIL_A)) {
            pc.sync();
            DatabaseCopy backup = DatabaseCopy.take(world.central.database());
            Ticket acted = pc.act(pc.actionable().orElseThrow());
            UUID event = lastEvent(pc, acted.id());
            Ticket opened = open(pc);
            Synchronizer.Report pushed = pc.sync();
            assertEquals(2, pushed.applied());
            assertTrue(eventsAtCentral(acted.id()).contains(event));

            backup.restoreInto(world.central.database());
            assertFalse(eventsAtCentral(acted.id()).contains(event), "the restore lost the action");
            assertFalse(heldAtCentral(opened.id()), "and the opening");

            Synchronizer.Report again = syncAt(pc, world.url(), p -> {});

            assertTrue(again.startedOver());
            assertEquals(2, again.sentAgain());
            assertEquals(2, again.applied(), "both applied again: " + again);
            assertTrue(eventsAtCentral(acted.id()).contains(event), "the same event, its id kept");
            assertTrue(heldAtCentral(opened.id()));
            assertEquals(List.of(), pc.store.outbox().unsettled());
            assertEquals(0, pc.store.outbox().pendingCount());
            assertTrue(pc.store.tickets().events(acted.id()).stream().anyMatch(e -> e.id().equals(event)));
            assertFalse(pc.store.syncFacts().checkingRestore(SyncWorld.CIVIL_A.username()));

            Synchronizer.Report then = syncAt(pc, world.url(), p -> {});
            assertEquals(0, then.sentAgain());
            assertFalse(then.startedOver());
            assertEquals(0, then.pushed());
        }
    }

    /**
     * Restored, written to past the PC's cursor, and given a new id ({@code central renew-id}): the
     * new id names the old as earlier, so the PC knows its own store. What the backup still had
     * is not sent again; what it lost is.
     */
    @Test
    void aRenewedStoreNamesItsEarlierIdAndGetsOnlyWhatItLost() throws Exception {
        try (SyncWorld.Pc pc = world.pc("civil", SyncWorld.CIVIL_A)) {
            pc.sync();
            Ticket kept = pc.act(pc.actionable().orElseThrow());
            UUID keptEvent = lastEvent(pc, kept.id());
            assertEquals(1, pc.sync().applied());
            DatabaseCopy backup = DatabaseCopy.take(world.central.database());
            Ticket lost = pc.act(pc.actionable().orElseThrow());
            UUID lostEvent = lastEvent(pc, lost.id());
            assertEquals(1, pc.sync().applied());
            long cursor = pc.store.syncFacts().cursor(SyncWorld.CIVIL_A.username());

            backup.restoreInto(world.central.database());
            world.intakeOthers(55, 40);
            assertTrue(countyLast() > cursor, "written past the PC's cursor: the number alone cannot tell");
            String old = world.central.storeId();
            world.central.renewStoreId();
            assertEquals(List.of(old), world.central.earlierStoreIds());

            Synchronizer.Report again = syncAt(pc, world.url(), p -> {});

            assertTrue(again.startedOver());
            assertEquals(1, again.sentAgain(), "only the action the backup did not have: " + again);
            assertEquals(1, again.applied());
            assertTrue(eventsAtCentral(lost.id()).contains(lostEvent));
            assertEquals(
                    1,
                    Collections.frequency(eventsAtCentral(kept.id()), keptEvent),
                    "the action the backup had is there once");
            assertEquals(0, pc.store.outbox().pendingCount());
        }
    }

    /**
     * Hostile: another store, even one that was renewed and names earlier ids, is sent nothing of
     * this PC's work: only its own store's earlier id makes a restore.
     */
    @Test
    void anotherStoreIsSentNothingOfThisPcsWork() throws Exception {
        try (SyncWorld other = new SyncWorld(dir.resolve("b"), freshDatabase(dir.resolve("b")), 60, 0);
                SyncWorld.Pc pc = world.pc("civil", SyncWorld.CIVIL_A)) {
            pc.sync();
            pc.act(pc.actionable().orElseThrow());
            open(pc);
            assertEquals(2, pc.sync().applied());
            other.central.renewStoreId();
            other.central.renewStoreId();

            Synchronizer.Report there = syncAt(pc, other.url(), p -> {});

            assertTrue(there.startedOver());
            assertEquals(0, there.sentAgain());
            assertEquals(0, there.pushed());
            assertEquals(0, appliedOps(other), "no operation of this PC reached the other store");
            assertEquals(
                    2, pc.store.outbox().applied(SyncWorld.CIVIL_A.username()).size(), "still applied here");
        }
    }

    /**
     * A backup older than the store's last renewal brought back: its id is one the PC's store named
     * as its own before, so the PC knows it (and sends what it lacks) though neither id is the
     * other's renewal.
     */
    @Test
    void anOlderBackupOfTheSameStoreIsKnownByTheIdsItHadBefore() throws Exception {
        try (SyncWorld.Pc pc = world.pc("civil", SyncWorld.CIVIL_A)) {
            pc.sync();
            String first = world.central.storeId();
            DatabaseCopy older = DatabaseCopy.take(world.central.database());
            world.central.renewStoreId();
            Synchronizer.Report renewed = syncAt(pc, world.url(), p -> {});
            assertTrue(renewed.startedOver());
            assertEquals(0, renewed.sentAgain(), "nothing was lost by that renewal");
            Ticket acted = pc.act(pc.actionable().orElseThrow());
            UUID event = lastEvent(pc, acted.id());
            assertEquals(1, pc.sync().applied());

            older.restoreInto(world.central.database());
            CentralStore reopened = CentralStore.open(world.jdbcUrl, SyncWorld.CATALOG, world.clock);
            try (CentralServer server = CentralServer.start(reopened, "127.0.0.1", 0)) {
                assertEquals(first, reopened.storeId());
                assertEquals(List.of(), reopened.earlierStoreIds(), "the older backup knows no later id");

                Synchronizer.Report again = syncAt(pc, server.url(), p -> {});

                assertTrue(again.startedOver());
                assertEquals(1, again.sentAgain(), again.toString());
                assertTrue(eventsAtCentral(acted.id()).contains(event));
            } finally {
                reopened.close();
            }
        }
    }

    /**
     * Hostile: a copy of the store's backup set up for another use (a training store) and renewed
     * as a copy ({@code central renew-id --copy}) names no earlier id, and is sent nothing of what
     * the PC had sent the store it was copied from.
     */
    @Test
    void aCopyRenewedForAnotherUseIsAnotherStore() throws Exception {
        try (SyncWorld other = new SyncWorld(dir.resolve("b"), freshDatabase(dir.resolve("b")), 5, 0);
                SyncWorld.Pc pc = world.pc("civil", SyncWorld.CIVIL_A)) {
            pc.sync();
            DatabaseCopy backup = DatabaseCopy.take(world.central.database());
            pc.act(pc.actionable().orElseThrow());
            assertEquals(1, pc.sync().applied());
            backup.restoreInto(other.central.database());
            other.central.renewStoreId(true);
            assertEquals(List.of(), other.central.earlierStoreIds());

            Synchronizer.Report there = syncAt(pc, other.url(), p -> {});

            assertTrue(there.startedOver());
            assertEquals(0, there.sentAgain());
            assertEquals(0, appliedOps(other), "the training store got none of the PC's work");
        }
    }

    /**
     * Work made on top of what the restore lost, waiting when the PC syncs: an action after a lost
     * action, and one on a ticket whose opening was lost. The PC finds the restore before it
     * pushes, so the lost work goes first and the new work follows it: nothing meets a conflict or
     * a refusal the person would have to settle.
     */
    @Test
    void workMadeOnLostWorkFollowsItWithoutAConflict() throws Exception {
        try (SyncWorld.Pc pc = world.pc("civil", SyncWorld.CIVIL_A)) {
            pc.sync();
            DatabaseCopy backup = DatabaseCopy.take(world.central.database());
            Ticket acted = pc.tickets().stream()
                    .filter(pc::actionable)
                    .map(pc::act)
                    .filter(pc::actionable)
                    .findFirst()
                    .orElseThrow();
            Ticket opened = pc.act(open(pc));
            assertTrue(pc.actionable(opened), "the opened ticket takes another action of this clerk");
            assertEquals(pc.store.outbox().pendingCount(), pc.sync().applied());
            backup.restoreInto(world.central.database());

            UUID onAction = lastEvent(pc, pc.act(now(pc, acted)).id());
            UUID onOpening = lastEvent(pc, pc.act(now(pc, opened)).id());
            Synchronizer.Report again = syncAt(pc, world.url(), p -> {});

            assertTrue(again.startedOver());
            assertEquals(0, again.conflicts() + again.rejected(), again.toString());
            assertEquals(List.of(), pc.store.outbox().unsettled());
            assertEquals(0, pc.store.outbox().pendingCount());
            assertTrue(eventsAtCentral(acted.id()).contains(onAction), "the new action follows the lost one");
            assertTrue(eventsAtCentral(opened.id()).contains(onOpening), "and the one on the lost opening");
            assertEquals(
                    pc.store.tickets().events(acted.id()).stream()
                            .map(TicketEvent::id)
                            .toList(),
                    eventsAtCentral(acted.id()),
                    "the central store holds the ticket as the clerk made it");
        }
    }

    /**
     * Hostile: work waiting on the PC was made against its store; pointed at another store (a
     * training store, a wrong address typed), the PC pushes none of it there (it would be refused
     * as a ticket that store does not have, and the ticket taken off this PC, or applied to a
     * ticket of the same id that is not the one the clerk acted on). It waits, said as held, and
     * goes to its own store when the PC syncs there again.
     */
    @Test
    void workWaitingForOneStoreIsHeldFromAnother() throws Exception {
        try (SyncWorld other = new SyncWorld(dir.resolve("b"), freshDatabase(dir.resolve("b")), 60, 0);
                SyncWorld.Pc pc = world.pc("civil", SyncWorld.CIVIL_A)) {
            pc.sync();
            Ticket acted = pc.act(pc.actionable().orElseThrow());
            UUID event = lastEvent(pc, acted.id());
            Ticket opened = open(pc);

            Synchronizer.Report there = syncAt(pc, other.url(), p -> {});

            assertTrue(there.startedOver());
            assertEquals(0, there.pushed(), there.toString());
            assertEquals(2, there.held());
            assertEquals(0, appliedOps(other), "nothing of this PC's store reached the other one");
            assertEquals(2, pc.store.outbox().pendingCount(), "both still wait");
            assertTrue(pc.store.tickets().events(acted.id()).stream().anyMatch(e -> e.id().equals(event)));
            assertTrue(pc.store.tickets().events(opened.id()).size() > 0, "the opened ticket stays on the PC");
            assertEquals(2, syncAt(pc, other.url(), p -> {}).held(), "held at every sync there");

            Synchronizer.Report home = syncAt(pc, world.url(), p -> {});

            assertEquals(2, home.applied(), home.toString());
            assertEquals(0, home.held());
            assertTrue(eventsAtCentral(acted.id()).contains(event));
            assertTrue(heldAtCentral(opened.id()));
        }
    }

    /**
     * Held work given up (the PC no longer syncs with the store it was made for, a training store
     * say): it is never pushed anywhere, the tickets leave the PC, and the store the PC follows
     * sends its own version back. Work made for that store, on the PC at the same time, still goes.
     */
    @Test
    void heldWorkGivenUpIsPushedNowhereAndTheStoreFollowedSendsItsVersion() throws Exception {
        String user = SyncWorld.CIVIL_A.username();
        try (SyncWorld other = new SyncWorld(dir.resolve("b"), freshDatabase(dir.resolve("b")), 60, 0);
                SyncWorld.Pc pc = world.pc("civil", SyncWorld.CIVIL_A)) {
            pc.sync();
            Ticket acted = pc.act(pc.actionable().orElseThrow());
            UUID event = lastEvent(pc, acted.id());
            Ticket opened = open(pc);
            assertEquals(2, syncAt(pc, other.url(), p -> {}).held());
            Ticket there = pc.act(pc.tickets().stream()
                    .filter(t -> !t.id().equals(acted.id()) && !t.id().equals(opened.id()) && pc.actionable(t))
                    .findFirst()
                    .orElseThrow());
            UUID thereEvent = lastEvent(pc, there.id());
            List<String> line = pc.store.syncFacts().storeLine(user);

            assertEquals(
                    0,
                    pc.store
                            .outbox()
                            .discardHeld(user, line, there.id(), world.clock.instant())
                            .operations(),
                    "not held");
            assertEquals(
                    0,
                    pc.store
                            .outbox()
                            .discardHeld("someone.else", line, acted.id(), world.clock.instant())
                            .operations());
            assertEquals(2, pc.store.outbox().held(user, line).size(), "nothing given up by either");
            assertEquals(
                    new Outbox.GivenUp(1, true),
                    pc.store.outbox().discardHeld(user, line, acted.id(), world.clock.instant()));
            assertEquals(
                    new Outbox.GivenUp(1, true),
                    pc.store.outbox().discardHeld(user, line, opened.id(), world.clock.instant()));

            assertEquals(List.of(), pc.store.outbox().held(user, line));
            assertTrue(pc.tickets().stream().noneMatch(t -> t.id().equals(opened.id())), "the opened one left");
            assertEquals(0, pc.store.syncFacts().cursor(user), "pulled from the start again");
            Synchronizer.Report back = syncAt(pc, other.url(), p -> {});
            assertEquals(0, back.held(), back.toString());
            assertEquals(1, back.applied(), "the work made there still goes: " + back);
            assertEquals(1, appliedOps(other));
            assertTrue(other.centralTicket(there.id()).events().stream().anyMatch(e -> e.id().equals(thereEvent)));
            assertFalse(pc.store.tickets().events(acted.id()).isEmpty(), "the ticket is back on the PC");
            assertTrue(
                    pc.store.tickets().events(acted.id()).stream().noneMatch(e -> e.id().equals(event)),
                    "the other store's version is back, without the action given up");
            assertFalse(other.centralTicket(acted.id()).events().stream().anyMatch(e -> e.id().equals(event)));
            assertEquals(0, pc.store.outbox().pendingCount());

            Synchronizer.Report home = syncAt(pc, world.url(), p -> {});
            assertEquals(0, home.pushed(), home.toString());
            assertFalse(eventsAtCentral(acted.id()).contains(event));
            assertFalse(heldAtCentral(opened.id()));
        }
    }

    /**
     * Held work given up under work made since for the store the PC follows (the clerk acted again
     * on the ticket): the ticket stays with that work, and nobody's pulls start again.
     */
    @Test
    void heldWorkGivenUpUnderWorkForThisStoreLeavesTheTicket() throws Exception {
        String user = SyncWorld.CIVIL_A.username();
        try (SyncWorld other = new SyncWorld(dir.resolve("b"), freshDatabase(dir.resolve("b")), 60, 0);
                SyncWorld.Pc pc = world.pc("civil", SyncWorld.CIVIL_A)) {
            pc.sync();
            Ticket opened = open(pc);
            assertEquals(1, syncAt(pc, other.url(), p -> {}).held());
            pc.act(now(pc, opened));
            long cursor = pc.store.syncFacts().cursor(user);
            List<String> line = pc.store.syncFacts().storeLine(user);

            Outbox.GivenUp given = pc.store.outbox().discardHeld(user, line, opened.id(), world.clock.instant());

            assertEquals(new Outbox.GivenUp(1, false), given);
            assertTrue(pc.tickets().stream().anyMatch(t -> t.id().equals(opened.id())), "the ticket stays");
            assertEquals(1, pc.store.outbox().pendingCount(), "the work made since still waits");
            assertEquals(cursor, pc.store.syncFacts().cursor(user));
        }
    }

    /**
     * Work waiting when the store was renewed ({@code central renew-id} after a restore, or a move)
     * was made against the same store under its earlier id: pushed, not held.
     */
    @Test
    void workWaitingWhenTheStoreIsRenewedIsPushedThere() throws Exception {
        try (SyncWorld.Pc pc = world.pc("civil", SyncWorld.CIVIL_A)) {
            pc.sync();
            Ticket acted = pc.act(pc.actionable().orElseThrow());
            UUID event = lastEvent(pc, acted.id());
            world.central.renewStoreId();
            world.central.renewStoreId();

            Synchronizer.Report renewed = syncAt(pc, world.url(), p -> {});

            assertEquals(1, renewed.applied(), renewed.toString());
            assertEquals(0, renewed.held());
            assertTrue(eventsAtCentral(acted.id()).contains(event));
        }
    }

    /**
     * A sync cut short while it checked what the restore lost: the next one pushes what the first
     * found and checks again from the start, so nothing the first had not reached is missed.
     */
    @Test
    void aCheckCutShortStartsAgainFromTheBeginning() throws Exception {
        try (SyncWorld.Pc pc = world.pc("civil", SyncWorld.CIVIL_A)) {
            int scope = pc.sync().pulled();
            DatabaseCopy backup = DatabaseCopy.take(world.central.database());
            List<UUID> events = new ArrayList<>();
            List<UUID> tickets = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Ticket t = pc.act(pc.actionable().orElseThrow());
                tickets.add(t.id());
                events.add(lastEvent(pc, t.id()));
            }
            assertEquals(3, pc.sync().applied());
            backup.restoreInto(world.central.database());

            int[] pages = new int[1];
            Consumer<Synchronizer.Progress> cut = p -> {
                if (p.phase().equals("pull") && ++pages[0] == 2) {
                    throw new IllegalStateException("the line went down");
                }
            };
            assertThrows(IllegalStateException.class, () -> syncAt(pc, world.url(), cut, 3));
            assertTrue(pc.store.syncFacts().checkingRestore(SyncWorld.CIVIL_A.username()));

            Synchronizer.Report again = syncAt(pc, world.url(), p -> {});

            assertEquals(scope, again.pulled(), "the whole scope checked again");
            for (int i = 0; i < 3; i++) {
                assertTrue(eventsAtCentral(tickets.get(i)).contains(events.get(i)), "action " + i);
            }
            assertEquals(0, pc.store.outbox().pendingCount());
            assertEquals(List.of(), pc.store.outbox().unsettled());
            assertFalse(pc.store.syncFacts().checkingRestore(SyncWorld.CIVIL_A.username()));
            assertEquals(
                    3,
                    pc.store.outbox().all().stream()
                            .filter(e -> e.state() == Outbox.State.APPLIED)
                            .count());
        }
    }

    private Synchronizer.Report syncAt(SyncWorld.Pc pc, String url, Consumer<Synchronizer.Progress> progress)
            throws IOException {
        return syncAt(pc, url, progress, Synchronizer.PULL_PAGE);
    }

    private Synchronizer.Report syncAt(SyncWorld.Pc pc, String url, Consumer<Synchronizer.Progress> progress, int page)
            throws IOException {
        try (CentralClient client = new CentralClient(url, Duration.ofSeconds(20))) {
            return new Synchronizer(pc.store, client, SyncWorld.CATALOG, world.clock)
                    .pullPage(page)
                    .run(pc.user.username(), SyncWorld.PASSWORD.toCharArray(), progress);
        }
    }

    /** The ticket as this PC holds it now (a sync moves its version). */
    private static Ticket now(SyncWorld.Pc pc, Ticket t) {
        return pc.tickets().stream()
                .filter(x -> x.id().equals(t.id()))
                .findFirst()
                .orElseThrow();
    }

    private static UUID lastEvent(SyncWorld.Pc pc, UUID ticket) {
        List<TicketEvent> events = pc.store.tickets().events(ticket);
        return events.get(events.size() - 1).id();
    }

    private List<UUID> eventsAtCentral(UUID ticket) {
        return world.centralTicket(ticket).events().stream()
                .map(TicketEvent::id)
                .toList();
    }

    private boolean heldAtCentral(UUID ticket) {
        return world.central
                .database()
                .inTransaction(c -> world.central.tickets().find(c, ticket))
                .isPresent();
    }

    private long countyLast() {
        return world.central.database().inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT last_change FROM county_change_counter WHERE county_code = ?")) {
                ps.setString(1, SyncWorld.COUNTY_A);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static long appliedOps(SyncWorld w) {
        return w.central.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM applied_op");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** A ticket the PC's civil clerk opens (offline, as at a township): the OPEN operation waits. */
    private Ticket open(SyncWorld.Pc pc) {
        TicketHistory h = SyncWorld.opening(
                SyncWorld.CIVIL_A,
                "minimum_living_allowance",
                world.clock.instant().minusSeconds(60));
        return pc.store.tickets().insertOpened(h, new TicketLineCodec(SyncWorld.CATALOG));
    }
}
