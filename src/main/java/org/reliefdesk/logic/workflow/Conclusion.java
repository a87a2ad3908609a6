package org.reliefdesk.logic.workflow;

import java.time.Instant;
import java.util.List;

import org.reliefdesk.logic.catalog.WorkflowDef;
import org.reliefdesk.model.TicketEvent;

/**
 * When a history concluded its ticket (办结): the moment it entered a concluding step — the
 * follow-up visit once the result was fed back, or the terminal step straight after a refusal —
 * kept through the visit and undone by a reopening. The engine sets the same moment as it acts;
 * this reads it back from events (a past moment, or a file written when 办结 meant the visit).
 */
public final class Conclusion {

    private Conclusion() {}

    /** The conclusion time after these events, or null while the ticket is not concluded. */
    public static Instant of(WorkflowDef workflow, List<TicketEvent> events) {
        String step = workflow.firstStep().code();
        Instant concluded = null;
        for (TicketEvent e : events) {
            if (e.toStep() != null) {
                step = e.toStep();
            }
            concluded = workflow.concludes(step) ? (concluded != null ? concluded : e.at()) : null;
        }
        return concluded;
    }
}
