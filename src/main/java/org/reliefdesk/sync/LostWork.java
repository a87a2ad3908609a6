package org.reliefdesk.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.store.Outbox;

/**
 * What one user of this PC had sent that their central store, restored from a backup, may have
 * lost: their operations it applied, checked against the tickets it sends when the PC pulls its
 * scope again from the start (docs/sync-protocol.md, "Which store"). An action is lost when the
 * store sends its ticket without the action's event; an opening when the store does not send its
 * ticket at all (nor says it left the scope), and the actions on that ticket with it. Tickets the
 * store sends are decided page by page, before the page is written, so the person's work stays on
 * their screen while it is sent again.
 */
final class LostWork {

    private final Map<UUID, List<Outbox.Entry>> applied = new HashMap<>();

    /** @param applied the user's applied operations, oldest first ({@link Outbox#applied}) */
    LostWork(List<Outbox.Entry> applied) {
        for (Outbox.Entry e : applied) {
            this.applied.computeIfAbsent(e.ticketId(), k -> new ArrayList<>()).add(e);
        }
    }

    /** The actions the store's versions of these tickets do not hold, oldest first per ticket. */
    List<UUID> lostIn(List<TicketHistory> pulled) {
        List<UUID> lost = new ArrayList<>();
        for (TicketHistory h : pulled) {
            List<Outbox.Entry> ops = applied.remove(h.ticket().id());
            if (ops == null) {
                continue;
            }
            Set<UUID> held = new HashSet<>();
            for (TicketEvent e : h.events()) {
                held.add(e.id());
            }
            for (Outbox.Entry e : ops) {
                Operation op = e.operation();
                if (op.kind() == Operation.Kind.ACT && !held.contains(op.eventId())) {
                    lost.add(e.opId());
                }
            }
        }
        return lost;
    }

    /** Tickets the store holds that come to this PC as no history: they left the scope, or were set aside. */
    void heldElsewhere(List<UUID> tickets) {
        tickets.forEach(applied::remove);
    }

    /**
     * After the last page: the tickets this user opened that the store never sent, each opening
     * with the actions after it; the actions on tickets the store did not send that this user did
     * not open are not theirs to send again (the store holds no such ticket for them to act on).
     */
    List<UUID> openedAndNotHeld() {
        List<Outbox.Entry> lost = new ArrayList<>();
        for (List<Outbox.Entry> ops : applied.values()) {
            if (ops.stream().anyMatch(e -> e.operation().kind() == Operation.Kind.OPEN)) {
                lost.addAll(ops);
            }
        }
        applied.clear();
        lost.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return lost.stream().map(Outbox.Entry::opId).toList();
    }
}
