package org.reliefdesk.model;

import java.util.List;

/** A ticket together with its full event history, oldest first: the unit of interchange. */
public record TicketHistory(Ticket ticket, List<TicketEvent> events) {

    public TicketHistory {
        events = List.copyOf(events);
    }
}
