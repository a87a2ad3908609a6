package org.reliefdesk.model;

/** Coarse state of a ticket: waiting to be accepted, being handled, or concluded (办结). */
public enum TicketStatus {
    NEW, IN_PROGRESS, CONCLUDED;

    public boolean isOpen() {
        return this != CONCLUDED;
    }
}
