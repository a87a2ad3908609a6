package org.reliefdesk.store;

import java.util.UUID;

/** Someone else changed the ticket since it was read; nothing was written. */
public class StaleTicketException extends RuntimeException {

    private final UUID ticketId;

    public StaleTicketException(UUID ticketId, long expected, long actual) {
        super("ticket " + ticketId + " is at version " + actual + ", the change was made on version " + expected);
        this.ticketId = ticketId;
    }

    public UUID ticketId() {
        return ticketId;
    }
}
