package org.reliefdesk.logic.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * All the clocks of one ticket at one moment: its step visits, the 10-day supervision clock
 * (督办), where it stands on the ladder and since when, and how long it has been open —
 * raw, and of that how long it waited for the applicant.
 */
public record TicketClock(List<StepTiming> steps, Instant start, Instant supervisedFrom, Instant supervisionDueSoonFrom,
                          LadderState state, Instant stateSince, Duration open, Duration paused, boolean estimated) {

    public Optional<StepTiming> current() {
        return steps.isEmpty() || steps.get(steps.size() - 1).left() != null
                ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
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
