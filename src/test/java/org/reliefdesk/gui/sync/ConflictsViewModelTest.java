package org.reliefdesk.gui.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.store.Outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
