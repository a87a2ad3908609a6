package org.reliefdesk.logic.queue;

import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketStatus;

/**
 * The queues on the left of the workbench. "Supervised" (督办) is the long-open queue: not
 * concluded more than 10 days after submission; "due soon" and "step overdue" come from the step
 * clocks; a concluded ticket's late follow-up visit has its own queue.
 */
public enum Queue {
    /** Tickets on which the signed-in user can act now (township staff: their verification tasks). */
    MY_TASKS,
    ALL,
    NEW,
    IN_PROGRESS,
    DUE_SOON,
    STEP_OVERDUE,
    SUPERVISED,
    /** Concluded, and the follow-up visit (回访) past its own limit: a list of its own, never 督办. */
    FOLLOW_UP_OVERDUE,
    CONCLUDED;

    /** Membership from the ticket and its clock; {@code actionable}: whether the user can act on it now. */
    public boolean contains(Ticket t, TicketClock clock, boolean actionable) {
        return this == MY_TASKS ? actionable : contains(t, clock);
    }

    public boolean contains(Ticket t, TicketClock clock) {
        return switch (this) {
            case MY_TASKS -> false;
            case ALL -> true;
            case NEW -> t.status() == TicketStatus.NEW;
            case IN_PROGRESS -> t.status() == TicketStatus.IN_PROGRESS;
            case DUE_SOON -> clock.state() == LadderState.DUE_SOON;
            case STEP_OVERDUE -> clock.state() == LadderState.STEP_OVERDUE;
            case SUPERVISED -> clock.state() == LadderState.SUPERVISED;
            case FOLLOW_UP_OVERDUE -> clock.followUpOverdue();
            case CONCLUDED -> t.status() == TicketStatus.CONCLUDED;
        };
    }
}
