package org.reliefdesk.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One entry in a ticket's append-only history: who did what, when, and which step it moved
 * the ticket from and to, and the outcome it recorded (if any). {@code formData} holds what the actor filled in (plain values,
 * lists and maps), {@code seq} numbers the events of one ticket from 1.
 */
public record TicketEvent(UUID id, UUID ticketId, int seq, String actor, Instant at, String action,
                          String fromStep, String toStep, String note, Map<String, Object> formData, String outcome) {

    /** Actor of steps the platform takes by itself, such as dispatch. */
    public static final String PLATFORM = "platform";

    public TicketEvent {
        // Kept in the order given; null values are allowed (an empty optional field).
        formData = formData == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(formData));
    }
}
