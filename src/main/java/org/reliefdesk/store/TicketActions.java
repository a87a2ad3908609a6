package org.reliefdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.workflow.AppliedAction;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;

/**
 * Takes a workflow action on a stored ticket: reads the ticket and its history, lets the
 * engine check and apply the action, and writes the changed ticket and its one new event —
 * all in one transaction. A ticket changed by someone else since it was shown is refused.
 */
public final class TicketActions {

    private final LocalStore store;
    private final WorkflowEngine engine;

    public TicketActions(LocalStore store, WorkflowEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    /**
     * @param expectedVersion the version the user saw; another means someone else acted meanwhile
     * @return the ticket as stored afterwards
     * @throws org.reliefdesk.model.InvalidFieldException when a rule or a form field refuses; nothing is written
     * @throws StaleTicketException when the ticket changed since it was shown; nothing is written
     */
    public Ticket act(
            UUID ticketId, long expectedVersion, User user, String action, Map<String, Object> form, String note) {
        return store.inTransaction(s -> {
            TicketEntity entity = s.find(TicketEntity.class, ticketId);
            if (entity == null) {
                throw new IllegalArgumentException("no ticket " + ticketId);
            }
            if (entity.version != expectedVersion) {
                throw new StaleTicketException(ticketId, expectedVersion, entity.version);
            }
            List<TicketEvent> history = TicketStore.historyOf(s, ticketId);
            AppliedAction applied = engine.apply(entity.toModel(), history, user, action, form, note);
            entity.copyFrom(applied.ticket());
            entity.moves = StepMoves.append(entity.moves, applied.event());
            TicketStore.persist(s, applied.event());
            TicketEvent e = applied.event();
            Outbox.add(
                    s,
                    Operation.act(
                            UUID.randomUUID(),
                            ticketId,
                            history.size(),
                            e.action(),
                            e.formData(),
                            e.note(),
                            e.at(),
                            e.id()),
                    user.username(),
                    e.at());
            s.flush();
            return entity.toModel();
        });
    }

    /** A change done again: the ticket as stored, and the other tickets moved to free its number. */
    public record Reapplied(Ticket ticket, Set<UUID> renumbered) {}

    /**
     * Re-applies an operation that met a conflict or was refused: the ticket takes the central
     * store's version, and the same action with the same form is taken again on it, now, as a new
     * operation; the old one stays in the outbox, marked re-applied. All in one transaction: when
     * the action no longer fits the new state, nothing changes and the rule's reason is thrown.
     *
     * @return the ticket as stored afterwards, and the other tickets moved to make way for the
     *     central version's number
     */
    public Reapplied reapply(UUID opId, User user, TicketHistory central, Instant now) {
        return store.inTransaction(s -> {
            Outbox.Entry entry = s.doReturningWork(c -> Outbox.find(c, opId))
                    .orElseThrow(() -> new IllegalArgumentException("no operation " + opId));
            if (entry.state() != Outbox.State.CONFLICT && entry.state() != Outbox.State.REJECTED) {
                throw new IllegalStateException("operation " + opId + " is " + entry.state() + ", not in conflict");
            }
            Operation old = entry.operation();
            if (old.kind() != Operation.Kind.ACT || central == null) {
                throw new IllegalStateException("only an action on a ticket the central store holds can be re-applied");
            }
            Set<UUID> renumbered = s.doReturningWork(
                    c -> Outbox.restore(c, entry.ticketId(), central, SyncFacts.storeOf(c, entry.createdBy())));
            s.clear(); // the ticket's row and events were written past the session: read them again
            TicketEntity entity = s.find(TicketEntity.class, entry.ticketId());
            List<TicketEvent> history = TicketStore.historyOf(s, entry.ticketId());
            AppliedAction applied = engine.apply(
                    entity.toModel(),
                    history,
                    user,
                    old.action(),
                    old.form() == null ? Map.of() : old.form(),
                    old.note());
            entity.copyFrom(applied.ticket());
            entity.moves = StepMoves.append(entity.moves, applied.event());
            TicketStore.persist(s, applied.event());
            TicketEvent e = applied.event();
            Outbox.add(
                    s,
                    Operation.act(
                            UUID.randomUUID(),
                            entry.ticketId(),
                            history.size(),
                            e.action(),
                            e.formData(),
                            e.note(),
                            e.at(),
                            e.id()),
                    user.username(),
                    now);
            s.doWork(c -> Outbox.settle(
                    c, opId, Outbox.State.REAPPLIED, entry.reasonKey(), entry.reason(), entry.centralTicket(), now));
            s.flush();
            return new Reapplied(entity.toModel(), renumbered);
        });
    }
}
