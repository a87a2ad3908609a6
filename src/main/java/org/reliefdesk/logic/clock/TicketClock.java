package org.reliefdesk.logic.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * All the clocks of one ticket at one moment: its step visits, the 10-day supervision clock
 * (督办, from submission to conclusion), where it stands on the ladder and since when, and how long
 * it has been open — raw, and of that how long it waited for the applicant. A concluded ticket whose
 * follow-up visit is pending keeps that step as {@link #current()}.
 */
public record TicketClock(
        List<StepTiming> steps,
        Instant start,
        Instant supervisedFrom,
        Instant supervisionDueSoonFrom,
        LadderState state,
        Instant stateSince,
        Duration open,
        Duration paused,
        boolean estimated) {

    public static final String FOLLOW_UP_PENDING = "FOLLOW_UP_PENDING";
    public static final String FOLLOW_UP_OVERDUE = "FOLLOW_UP_OVERDUE";

    public Optional<StepTiming> current() {
        return steps.isEmpty() || steps.get(steps.size() - 1).left() != null
                ? Optional.empty()
                : Optional.of(steps.get(steps.size() - 1));
    }

    /** A concluded ticket's follow-up visit (回访) past its own limit: listed apart, never 督办. */
    public boolean followUpOverdue() {
        return state == LadderState.CONCLUDED
                && current().map(s -> s.state() == StepState.OVERDUE).orElse(false);
    }

    /** A concluded ticket whose follow-up visit is still to be made. */
    public boolean followUpPending() {
        return state == LadderState.CONCLUDED && current().isPresent();
    }

    /**
     * The ladder state as shown to people: a concluded ticket whose follow-up visit is pending or late
     * says so ({@code FOLLOW_UP_PENDING}, {@code FOLLOW_UP_OVERDUE}); else the state's name.
     */
    public String shownState() {
        if (followUpOverdue()) {
            return FOLLOW_UP_OVERDUE;
        }
        return followUpPending() ? FOLLOW_UP_PENDING : state.name();
    }

    public long openDays() {
        return open.toDays();
    }

    public long pausedDays() {
        return paused.toDays();
    }

    /** For a concluded ticket: whether it was concluded before supervision began. */
    public boolean concludedOnTime(Instant concludedAt) {
        return concludedAt != null && concludedAt.isBefore(supervisedFrom);
    }
}
