package org.reliefdesk.central;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sync.OpResult;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.sync.PullPage;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.store.Outbox;
import org.reliefdesk.store.TicketActions;
import org.reliefdesk.sync.CentralClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 转派 through the central store: the move is replayed there, the department that gave the ticket
 * away learns at its next pull that it is no longer its own (its id only), the department it went
 * to pulls it, and a stale PC's work on it is refused (kept in its outbox with the reason).
 */
abstract class MisdispatchSyncContract extends WorldContract {

    MisdispatchSyncContract() {
        super("", 400, 120);
    }

    /** A water ticket waiting for acceptance, as the water clerk's PC holds it. */
    private static Ticket waiting(SyncWorld.Pc pc) {
        return pc.tickets().stream()
                .filter(t ->
                        t.itemCode().equals("drinking_water") && t.currentStep().equals("acceptance"))
                .filter(t -> t.dispatchedAt() != null)
                .findFirst()
                .orElseThrow();
    }

    /** The water clerk on {@code pc} transfers {@code ticket} to house renovation (a leaking roof). */
    private void transferToHousing(SyncWorld.Pc pc, Ticket ticket) {
        new TicketActions(pc.store, new WorkflowEngine(SyncWorld.CATALOG, world.clock))
                .act(
                        ticket.id(),
                        ticket.version(),
                        pc.user,
                        "transfer",
                        Map.of("item", "house_renovation", "reason", "房屋漏雨，属危房改造"),
                        "");
    }

    @Test
    void aTransferLeavesTheOldDepartmentsPcsAndReachesTheNewOne() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A);
                SyncWorld.Pc b = world.pc("b", SyncWorld.WATER_A2);
                SyncWorld.Pc civil = world.pc("civil", SyncWorld.CIVIL_A);
                SyncWorld.Pc leader = world.pc("leader", SyncWorld.LEADER_A)) {
            a.sync();
            b.sync();
            civil.sync();
            leader.sync();
            Ticket ticket = waiting(a);
            assertFalse(SyncWorld.ids(civil.tickets()).contains(ticket.id()), "not civil affairs' ticket yet");

            transferToHousing(a, ticket);
            assertEquals(1, a.sync().applied(), "the central store replays and takes the transfer");
            TicketEvent moved = world.centralTicket(ticket.id()).events().get(2);
            assertEquals("drinking_water", moved.itemBefore());
            assertEquals(
                    "house_renovation",
                    world.centralTicket(ticket.id()).ticket().itemCode());

            // the pull tells the water department the ticket left, and nothing of its new state
            CentralClient client = new CentralClient(world.url(), Duration.ofSeconds(20));
            PullPage page =
                    client.pull(b.token(), b.store.syncFacts().cursor(SyncWorld.WATER_A2.username()), 500, false);
            assertEquals(List.of(ticket.id()), page.left());
            assertTrue(page.changes().stream()
                    .noneMatch(c -> c.ticket().contains(ticket.id().toString())));

            b.sync();
            assertFalse(b.store.tickets().find(ticket.id()).isPresent(), "removed from the other water PC");
            a.sync();
            assertFalse(a.store.tickets().find(ticket.id()).isPresent(), "and from the PC that transferred it");
            civil.sync();
            Ticket arrived = civil.store.tickets().find(ticket.id()).orElseThrow();
            assertEquals("house_renovation", arrived.itemCode());
            assertEquals("status_confirmation", arrived.currentStep());
            leader.sync();
            assertEquals(
                    "transfer",
                    leader.store.tickets().events(ticket.id()).get(2).action(),
                    "the leader sees the transfer in the history");
            assertTrue(TicketScope.of(SyncWorld.LEADER_A, SyncWorld.CATALOG)
                    .covers(leader.store.tickets().find(ticket.id()).orElseThrow()));
        }
    }

    /**
     * A department's last page takes the moves off its items only up to what was committed before
     * its tickets were read. Here another
     * PC's action on one of the department's tickets and then a move of another ticket away are
     * committed between the page's read of the tickets and its read of the moves: the page must not
     * carry the cursor past the action, or the department's PCs never pull it.
     */
    @Test
    void writesBetweenALastPagesTwoReadsNeverCarryItsCursorPastAChange() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A);
                SyncWorld.Pc b = world.pc("b", SyncWorld.WATER_A2)) {
            a.sync();
            b.sync();
            Ticket moved = waiting(a);
            Ticket changed = a.tickets().stream()
                    .filter(t -> !t.id().equals(moved.id()) && a.actionable(t))
                    .findFirst()
                    .orElseThrow();
            AtomicReference<Runnable> between = new AtomicReference<>(() -> {
                a.act(changed);
                transferToHousing(a, moved);
                try {
                    assertEquals(2, a.sync().applied(), "the action, then the move, committed in between");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            CentralDatabase hooked = CentralDatabase.over(
                    StatementHook.before(world.central.database().dataSource(), "central_handover", between));
            try (CentralServer server =
                    CentralServer.start(new CentralStore(hooked, SyncWorld.CATALOG, world.clock), "127.0.0.1", 0)) {
                b.syncWith(server.url());
            }
            assertNull(between.get(), "the writes ran between the page's two reads");
            b.sync();

            TicketHistory central = world.centralTicket(changed.id());
            assertEquals(
                    central.events().size(),
                    b.store.tickets().events(changed.id()).size(),
                    "the other water PC pulled the action");
            assertEquals(
                    central.ticket().currentStep(),
                    b.store.tickets().find(changed.id()).orElseThrow().currentStep());
            assertFalse(b.store.tickets().find(moved.id()).isPresent(), "and learnt the moved ticket left");
        }
    }

    @Test
    void aForgedTransferIsReplayedAndRefusedAndStoresNothing() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A)) {
            a.sync();
            Ticket ticket = waiting(a);
            int seq = world.centralTicket(ticket.id()).events().size();
            CentralClient client = new CentralClient(world.url(), Duration.ofSeconds(20));
            // to an item the catalog does not allow, claiming another item left, to the same item
            List<Map<String, Object>> forged = List.of(
                    Map.of("item", "dropout_control", "reason", "x"),
                    Map.of("item", "house_renovation", "reason", "x", TicketEvent.FROM_ITEM, "temporary_assistance"),
                    Map.of("item", "drinking_water", "reason", "x"));
            List<String> rules = new ArrayList<>();
            for (Map<String, Object> form : forged) {
                OpResult r = client.push(
                                a.token(),
                                List.of(Operation.act(
                                        UUID.randomUUID(),
                                        ticket.id(),
                                        seq,
                                        "transfer",
                                        form,
                                        null,
                                        world.clock.instant(),
                                        UUID.randomUUID())))
                        .get(0);
                assertEquals(OpResult.Outcome.REJECTED, r.outcome(), form.toString());
                rules.add(r.reasonKey());
            }
            assertEquals(
                    List.of("rule.workflow.transferTo", "rule.workflow.itemLeft", "rule.workflow.sameItem"), rules);
            TicketHistory stored = world.centralTicket(ticket.id());
            assertEquals("drinking_water", stored.ticket().itemCode(), "still the water department's");
            assertEquals(seq, stored.events().size(), "nothing stored");
            PullPage page = client.pull(a.token(), 0, 2000, false);
            assertTrue(page.left().isEmpty(), "no ticket left anyone's scope");
        }
    }

    @Test
    void aStalePcsWorkOnATransferredTicketIsRefusedAndKeptWithItsReason() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A);
                SyncWorld.Pc b = world.pc("b", SyncWorld.WATER_A2)) {
            a.sync();
            b.sync();
            Ticket ticket = waiting(a);
            transferToHousing(a, ticket);
            a.sync();
            // b, not yet synced, accepts the ticket it still holds
            b.act(b.store.tickets().find(ticket.id()).orElseThrow());
            b.sync();
            assertEquals(
                    Outbox.TicketSync.REJECTED,
                    b.store.outbox().ticketStates().get(ticket.id()),
                    "outside its scope now");
            assertFalse(
                    b.store.tickets().find(ticket.id()).isPresent(),
                    "the ticket left this PC; the refused work stays in the outbox with its reason");
            assertEquals(
                    "house_renovation",
                    world.centralTicket(ticket.id()).ticket().itemCode());
            assertEquals(3, world.centralTicket(ticket.id()).events().size(), "nothing of b's was stored");
        }
    }
}
