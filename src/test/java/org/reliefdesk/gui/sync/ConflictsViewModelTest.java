package org.reliefdesk.gui.sync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.store.Outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conflicts page without a window: work held for another store is listed, and can be given up. */
class ConflictsViewModelTest {

    private static final String USER = DemoUsers.WATER_CLERK.username();

    @TempDir
    Path dir;

    /**
     * A clerk practised on a training store and the PC syncs with the county's store again: the
     * practice action waits for the training store for ever unless the clerk can give it up.
     */
    @Test
    void workHeldForAnotherStoreIsListedAndGivenUpWithItsTicket() throws Exception {
        try (Workspace w = TestWorkspaces.syncingOffline(dir, 900)) {
            WorkbenchViewModel vm = new WorkbenchViewModel(w, DemoUsers.WATER_CLERK);
            vm.reload();
            w.store.syncFacts().keepStore(USER, "training-store", List.of());
            Ticket practised = acceptOne(w, vm.list().all(), null);
            w.store.syncFacts().keepStore(USER, "county-store", List.of());
            acceptOne(w, vm.list().all(), practised);
            SyncViewModel sync = new SyncViewModel(w, DemoUsers.WATER_CLERK, "demo-password".toCharArray(), c -> {});
            sync.refreshCounts();
            ConflictsViewModel page = new ConflictsViewModel(sync, vm);

            assertEquals(1, page.rows().size(), "the held action only: " + page.rows());
            ConflictsViewModel.ConflictRow row = page.rows().get(0);
            assertTrue(row.held());
            assertFalse(row.canReapply());
            assertTrue(row.title().contains(practised.ticketNo()) && row.title().contains("属于另一个中央库"), row.title());
            assertTrue(row.reason().contains("另一个中央库"), row.reason());
            assertEquals("放弃后", page.centralHeading(row), "no central store's version is shown for it");
            assertEquals("中央库的版本", page.centralHeading(null));
            assertTrue(page.discardQuestion(row).contains("1 项修改"), page.discardQuestion(row));
            assertEquals(1, sync.unsettled().size(), "counted in the page's tab");

            page.discard(row);

            assertEquals(List.of(), page.rows());
            assertTrue(
                    page.messageProperty().get().startsWith("已放弃 1 项修改，工单已从本机删除"),
                    page.messageProperty().get());
            assertEquals(Optional.empty(), w.store.tickets().find(practised.id()), "taken again at the next sync");
            assertEquals(1, w.store.outbox().pendingCount(), "the work for the county's store still waits");
            assertTrue(w.store.outbox().all().stream()
                    .anyMatch(e -> e.ticketId().equals(practised.id()) && e.state() == Outbox.State.DISCARDED));
            sync.stop();
        }
    }

    /**
     * The central store's version of a ticket in conflict carries a number another ticket of this
     * PC holds (a number given here offline): giving the change up, or doing it again, moves that
     * other ticket to the next number, and the list shows it at once (two rows never show one number).
     */
    @Test
    void aTicketMovedToMakeWayWhenAConflictIsSettledShowsItsNewNumber() throws Exception {
        for (boolean again : List.of(false, true)) {
            try (Workspace w = TestWorkspaces.syncingOffline(dir.resolve("again-" + again), 900)) {
                WorkbenchViewModel vm = new WorkbenchViewModel(w, DemoUsers.WATER_CLERK);
                vm.reload();
                Conflict conflict =
                        conflictOverAnotherTicketsNumber(w, vm.list().all());
                SyncViewModel sync =
                        new SyncViewModel(w, DemoUsers.WATER_CLERK, "demo-password".toCharArray(), vm::synced);
                sync.refreshCounts();
                ConflictsViewModel page = new ConflictsViewModel(sync, vm);
                ConflictsViewModel.ConflictRow row = page.rows().get(0);
                assertTrue(row.canReapply(), row.title());

                if (again) {
                    page.reapply(row);
                } else {
                    page.discard(row);
                }

                assertEquals(
                        w.config.texts().msg(again ? "conflicts.done.reapplied" : "conflicts.done.discarded"),
                        page.messageProperty().get());
                Map<UUID, String> shown = new HashMap<>();
                vm.snapshotProperty().get().tickets().forEach(t -> shown.put(t.id(), t.ticketNo()));
                String taken = conflict.other().ticketNo();
                assertEquals(taken, shown.get(conflict.ticket().id()), "the central store's number");
                assertNotEquals(taken, shown.get(conflict.other().id()), "the other ticket's row shows where it went");
                assertEquals(
                        w.store
                                .tickets()
                                .find(conflict.other().id())
                                .orElseThrow()
                                .ticketNo(),
                        shown.get(conflict.other().id()));
                assertEquals(shown.size(), Set.copyOf(shown.values()).size(), "no two rows show one number");
                sync.stop();
            }
        }
    }

    private record Conflict(Ticket ticket, Ticket other) {}

    /**
     * The water clerk accepts a ticket, and the central store answers with a conflict whose
     * version of that ticket (before the acceptance) carries another ticket's number.
     */
    private static Conflict conflictOverAnotherTicketsNumber(Workspace w, List<Ticket> tickets) {
        Ticket accepted = acceptOne(w, tickets, null);
        Ticket other = tickets.stream()
                .filter(t -> !t.id().equals(accepted.id()))
                .findFirst()
                .orElseThrow();
        List<TicketEvent> before = new ArrayList<>(w.store.tickets().events(accepted.id()));
        before.remove(before.size() - 1);
        TicketHistory central = new TicketHistory(accepted.withNumber(other.ticketNo()), before);
        Outbox.Entry op = w.store.outbox().pending(USER, 10).get(0);
        assertEquals(accepted.id(), op.ticketId());
        w.store
                .outbox()
                .record(
                        List.of(new Outbox.Answer(
                                op.opId(),
                                accepted.id(),
                                Outbox.State.CONFLICT,
                                null,
                                "另一台电脑已先处理",
                                new TicketLineCodec(w.catalog).write(central),
                                central)),
                        USER,
                        w.config.clock().instant());
        return new Conflict(accepted, other);
    }

    /** Accepts the first ticket the water clerk may accept (other than {@code not}), as a clerk would. */
    private static Ticket acceptOne(Workspace w, List<Ticket> tickets, Ticket not) {
        for (Ticket t : tickets) {
            if (!t.currentStep().equals("acceptance") || (not != null && t.id().equals(not.id()))) {
                continue;
            }
            try {
                w.actions().act(t.id(), t.version(), DemoUsers.WATER_CLERK, "accept", Map.of("station", "屏山水务站"), "");
                return t;
            } catch (InvalidFieldException notThisOne) {
                // not dispatched to the water department yet: the next one
            }
        }
        throw new AssertionError("no ticket to accept");
    }
}
