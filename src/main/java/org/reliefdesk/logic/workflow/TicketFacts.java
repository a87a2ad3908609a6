package org.reliefdesk.logic.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reliefdesk.model.TicketEvent;

/** What a ticket's forms have established so far: every form value, the latest one winning. */
public final class TicketFacts {

    private TicketFacts() {}

    public static Map<String, Object> of(List<TicketEvent> history) {
        Map<String, Object> facts = new HashMap<>();
        for (TicketEvent e : history) {
            e.formData().forEach((k, v) -> {
                if (v != null) {
                    facts.put(k, v);
                }
            });
        }
        return facts;
    }
}
