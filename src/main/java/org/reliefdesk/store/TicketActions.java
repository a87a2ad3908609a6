package org.reliefdesk.store;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.reliefdesk.logic.workflow.AppliedAction;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
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
    public Ticket act(UUID ticketId, long expectedVersion, User user, String action, Map<String, Object> form,
                      String note) {
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
            TicketStore.persist(s, applied.event());
            s.flush();
            return entity.toModel();
        });
    }
}
