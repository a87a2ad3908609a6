package org.reliefdesk.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One request from one resident (工单). Immutable: a change makes a new value, and the
 * store refuses it when {@code version} is no longer the stored one (optimistic locking).
 */
public record Ticket(UUID id, String ticketNo, String itemCode,
                     Place county, Place township, Place village,
                     Applicant applicant, IntakeChannel channel, String raisedBy,
                     Instant submittedAt, Instant dispatchedAt,
                     String currentStep, TicketStatus status, Instant concludedAt,
                     long version) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketNo, "ticketNo");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(status, "status");
    }

    public Ticket withStep(String step, TicketStatus newStatus, Instant newConcludedAt) {
        return new Ticket(id, ticketNo, itemCode, county, township, village, applicant, channel, raisedBy,
                submittedAt, dispatchedAt, step, newStatus, newConcludedAt, version);
    }

    public Ticket withDispatchedAt(Instant at) {
        return new Ticket(id, ticketNo, itemCode, county, township, village, applicant, channel, raisedBy,
                submittedAt, at, currentStep, status, concludedAt, version);
    }
}
