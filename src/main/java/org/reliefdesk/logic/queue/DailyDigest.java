package org.reliefdesk.logic.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.model.ChinaTime;

/**
 * A leader's morning figures, told once a working day at the first look in office hours: how many
 * of the scope's requests are open, due soon, overdue in their step, supervised (督办), and how many
 * of those became supervised in the last 24 hours.
 */
public record DailyDigest(LocalDate day, int open, int dueSoon, int stepOverdue, int supervised, int newlySupervised) {

    /** The figures of {@code clocks} (one per ticket of the scope) at {@code now}. */
    public static DailyDigest of(Collection<TicketClock> clocks, Instant now) {
        int open = 0;
        int dueSoon = 0;
        int late = 0;
        int supervised = 0;
        int newly = 0;
        Instant dayAgo = now.minus(Duration.ofHours(24));
        for (TicketClock c : clocks) {
            if (c.state() == LadderState.CONCLUDED) {
                continue;
            }
            open++;
            switch (c.state()) {
                case DUE_SOON -> dueSoon++;
                case STEP_OVERDUE -> late++;
                case SUPERVISED -> {
                    supervised++;
                    if (c.stateSince() != null && c.stateSince().isAfter(dayAgo)) {
                        newly++;
                    }
                }
                default -> {}
            }
        }
        return new DailyDigest(now.atZone(ChinaTime.ZONE).toLocalDate(), open, dueSoon, late, supervised, newly);
    }
}
