package org.reliefdesk.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reliefdesk.model.TicketEvent;

/**
 * The text of a {@code ticket_form} row: every form of one ticket's history, as one JSON object
 * from event id to that event's form, in the history's order. One row per ticket rather than one
 * per event (schema 12): a county's first pull or import writes a fifth as many form rows (one per
 * ticket, where a ticket has some five events), and a ticket's history reads its forms in one row.
 */
final class TicketForms {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Map<String, Object>>> BY_EVENT = new TypeReference<>() {};

    private TicketForms() {}

    /** The text holding these events' forms (one ticket's, in order). */
    static String of(List<TicketEvent> events) {
        Map<UUID, String> byEvent = new LinkedHashMap<>();
        events.forEach(e -> byEvent.put(e.id(), form(e)));
        return ofTexts(byEvent);
    }

    /** The stored text with one more event's form after those it holds; {@code stored} null when none yet. */
    static String with(String stored, TicketEvent e) {
        StringBuilder text = new StringBuilder(stored == null ? "{" : stored.substring(0, stored.lastIndexOf('}')));
        append(text, e.id(), form(e));
        return text.append('}').toString();
    }

    /** The text of forms already kept as JSON text, one per event (schema 12's migration), in order. */
    static String ofTexts(Map<UUID, String> formsByEvent) {
        StringBuilder text = new StringBuilder("{");
        formsByEvent.forEach((id, form) -> append(text, id, form));
        return text.append('}').toString();
    }

    /** The text holding these events' forms, given as texts in the events' order (a pulled ticket's, as sent). */
    static String ofTexts(List<TicketEvent> events, List<String> forms) {
        Map<UUID, String> byEvent = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            byEvent.put(events.get(i).id(), forms.get(i));
        }
        return ofTexts(byEvent);
    }

    /** Each event's form from the stored text of ticket {@code ticket}, by event id. */
    static Map<UUID, Map<String, Object>> read(UUID ticket, String stored) {
        Map<String, Map<String, Object>> byText;
        try {
            byText = JSON.readValue(stored, BY_EVENT);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("the stored forms of ticket " + ticket + " are not JSON", ex);
        }
        Map<UUID, Map<String, Object>> forms = new LinkedHashMap<>();
        byText.forEach((id, form) -> forms.put(UUID.fromString(id), form));
        return forms;
    }

    private static void append(StringBuilder text, UUID id, String form) {
        if (text.length() > 1) {
            text.append(',');
        }
        text.append('"').append(id).append("\":").append(form);
    }

    private static String form(TicketEvent e) {
        try {
            return JSON.writeValueAsString(e.formData());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("form data of event " + e.id() + " cannot be stored as JSON", ex);
        }
    }
}
