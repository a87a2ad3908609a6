package org.reliefdesk.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One entry in a ticket's append-only history: who did what, when, and which step it moved
 * the ticket from and to, and the outcome it recorded (if any). {@code formData} holds what the actor filled in (plain values,
 * lists and maps), {@code seq} numbers the events of one ticket from 1. {@code at} is the time
 * the actor's PC gave; {@code receivedAt} the central store's clock when it took the event from
 * a PC (null for the platform's own records and for work not yet synced): a large gap between the
 * two is shown, so a back-dated entry cannot pass as on time unnoticed.
 */
public record TicketEvent(
        UUID id,
        UUID ticketId,
        int seq,
        String actor,
        Instant at,
        String action,
        String fromStep,
        String toStep,
        String note,
        Map<String, Object> formData,
        String outcome,
        Instant receivedAt) {

    /** How long after {@code at} an event may reach the central store before the gap is shown. */
    public static final Duration LATE_ENTRY = Duration.ofHours(24);

    /** Actor of steps the platform takes by itself, such as dispatch. */
    public static final String PLATFORM = "platform";

    /** The platform's action that hands a ticket to its department: its first step begins. */
    public static final String DISPATCH = "dispatch";

    public TicketEvent {
        // Kept in the order given; null values are allowed (an empty optional field).
        // an empty form shares one map: a county's timelines hold half a million events without forms
        formData = formData == null || formData.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(formData));
    }

    /** An event not (yet) received by the central store. */
    public TicketEvent(
            UUID id,
            UUID ticketId,
            int seq,
            String actor,
            Instant at,
            String action,
            String fromStep,
            String toStep,
            String note,
            Map<String, Object> formData,
            String outcome) {
        this(id, ticketId, seq, actor, at, action, fromStep, toStep, note, formData, outcome, null);
    }

    /** The platform's dispatch, the second entry of every history: the item's first step begins. */
    public static TicketEvent dispatch(UUID id, UUID ticketId, Instant at, String firstStep) {
        return new TicketEvent(id, ticketId, 2, PLATFORM, at, DISPATCH, firstStep, firstStep, null, Map.of(), null);
    }

    public TicketEvent receivedAt(Instant when) {
        return new TicketEvent(id, ticketId, seq, actor, at, action, fromStep, toStep, note, formData, outcome, when);
    }

    /** Whether the central store received it more than {@link #LATE_ENTRY} after the time it carries. */
    public boolean lateEntry() {
        return receivedAt != null && receivedAt.isAfter(at.plus(LATE_ENTRY));
    }
}
