package org.reliefdesk.logic.workflow;

import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;

/** The result of an action: the changed ticket and the one event to append, written together. */
public record AppliedAction(Ticket ticket, TicketEvent event) {}
