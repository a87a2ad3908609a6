package org.reliefdesk.logic.sync;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.reliefdesk.model.TicketEvent;

/**
 * One local change, as a client pushes it to the central store. {@code opId} is made by the
 * client when the change is made and never reused: it is what makes a push idempotent.
 * <ul>
 * <li>{@link Kind#OPEN}: a staff-opened ticket; {@code line} holds the ticket and its first
 * events in the interchange format.</li>
 * <li>{@link Kind#ACT}: one workflow action on a ticket whose history the client had read up
 * to event {@code baseSeq}; the central store applies the same action with the same event id
 * and time, so both sides end with the same event.</li>
 * </ul>
 */
public record Operation(
        UUID opId,
        Kind kind,
        UUID ticketId,
        Integer baseSeq,
        String action,
        Map<String, Object> form,
        String note,
        Instant at,
        UUID eventId,
        String line) {

    public enum Kind {
        OPEN,
        ACT
    }

    public static Operation open(UUID opId, UUID ticketId, String line) {
        return new Operation(opId, Kind.OPEN, ticketId, null, null, null, null, null, null, line);
    }

    public static Operation act(
            UUID opId,
            UUID ticketId,
            int baseSeq,
            String action,
            Map<String, Object> form,
            String note,
            Instant at,
            UUID eventId) {
        return new Operation(opId, Kind.ACT, ticketId, baseSeq, action, form, note, at, eventId, null);
    }

    /**
     * An action operation as the event it makes: the next event after {@code baseSeq}, by
     * {@code actor}, without the step movement (the engine decides that when it is applied).
     */
    public TicketEvent asEvent(String actor) {
        return new TicketEvent(eventId, ticketId, baseSeq + 1, actor, at, action, null, null, note, form, null);
    }
}
