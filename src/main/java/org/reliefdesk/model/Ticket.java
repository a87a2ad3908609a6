package org.reliefdesk.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One request from one resident (工单). Immutable: a change makes a new value, and the
 * store refuses it when {@code version} is no longer the stored one (optimistic locking).
 */
public record Ticket(
        UUID id,
        String ticketNo,
        String itemCode,
        Place county,
        Place township,
        Place village,
        Applicant applicant,
        IntakeChannel channel,
        String raisedBy,
        Instant submittedAt,
        Instant dispatchedAt,
        String currentStep,
        TicketStatus status,
        Instant concludedAt,
        String outcome,
        long version) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketNo, "ticketNo");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(status, "status");
    }

    /** The same ticket under another number (the central store's, or the next free one on this PC). */
    public Ticket withNumber(String number) {
        return new Ticket(
                id,
                number,
                itemCode,
                county,
                township,
                village,
                applicant,
                channel,
                raisedBy,
                submittedAt,
                dispatchedAt,
                currentStep,
                status,
                concludedAt,
                outcome,
                version);
    }

    /** The ticket moved to {@code step}; {@code newOutcome} replaces the outcome when not null. */
    public Ticket withStep(String step, TicketStatus newStatus, Instant newConcludedAt, String newOutcome) {
        return new Ticket(
                id,
                ticketNo,
                itemCode,
                county,
                township,
                village,
                applicant,
                channel,
                raisedBy,
                submittedAt,
                dispatchedAt,
                step,
                newStatus,
                newConcludedAt,
                newOutcome != null ? newOutcome : outcome,
                version);
    }

    /** Back in handling at {@code step}: open again, with no conclusion time or outcome. */
    public Ticket reopenedAt(String step) {
        return new Ticket(
                id,
                ticketNo,
                itemCode,
                county,
                township,
                village,
                applicant,
                channel,
                raisedBy,
                submittedAt,
                dispatchedAt,
                step,
                TicketStatus.IN_PROGRESS,
                null,
                null,
                version);
    }

    /** The same ticket under another service item (转派, 重新派单): another department's to handle. */
    public Ticket withItem(String item) {
        return new Ticket(
                id,
                ticketNo,
                item,
                county,
                township,
                village,
                applicant,
                channel,
                raisedBy,
                submittedAt,
                dispatchedAt,
                currentStep,
                status,
                concludedAt,
                outcome,
                version);
    }

    public Ticket withDispatchedAt(Instant at) {
        return new Ticket(
                id,
                ticketNo,
                itemCode,
                county,
                township,
                village,
                applicant,
                channel,
                raisedBy,
                submittedAt,
                at,
                currentStep,
                status,
                concludedAt,
                outcome,
                version);
    }
}
