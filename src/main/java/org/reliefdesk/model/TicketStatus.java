package org.reliefdesk.model;

/**
 * Coarse state of a ticket: waiting to be accepted, being handled, or concluded (办结: the result fed
 * back to the applicant, or the request refused) — a concluded ticket may still await its follow-up visit.
 */
public enum TicketStatus {
    NEW,
    IN_PROGRESS,
    CONCLUDED;

    public boolean isOpen() {
        return this != CONCLUDED;
    }
}
