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

    /**
     * The form key of an entry that moved the ticket to another item (转派, 重新派单): the item it
     * goes to. The engine adds {@link #FROM_ITEM}, the item it came from, so every entry says which
     * item's rules and deadlines held before and after it.
     */
    public static final String ITEM = "item";

    /** The form key the engine adds to an entry that moved the ticket to another item: the item it left. */
    public static final String FROM_ITEM = "fromItem";

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

    /** The same entry with another form (what the clocks keep of one, or a test's variant). */
    public TicketEvent withFormData(Map<String, Object> form) {
        return new TicketEvent(id, ticketId, seq, actor, at, action, fromStep, toStep, note, form, outcome, receivedAt);
    }

    public TicketEvent receivedAt(Instant when) {
        return new TicketEvent(id, ticketId, seq, actor, at, action, fromStep, toStep, note, formData, outcome, when);
    }

    /** Whether this entry moved the ticket to another item (its form names the item left and the one entered). */
    public boolean changesItem() {
        return formData.get(FROM_ITEM) instanceof String && formData.get(ITEM) instanceof String;
    }

    /** The item this entry moved the ticket to; only for an entry that {@link #changesItem()}. */
    public String itemAfter() {
        return (String) formData.get(ITEM);
    }

    /** The item this entry moved the ticket from; only for an entry that {@link #changesItem()}. */
    public String itemBefore() {
        return (String) formData.get(FROM_ITEM);
    }

    /** Whether the central store received it more than {@link #LATE_ENTRY} after the time it carries. */
    public boolean lateEntry() {
        return receivedAt != null && receivedAt.isAfter(at.plus(LATE_ENTRY));
    }
}
