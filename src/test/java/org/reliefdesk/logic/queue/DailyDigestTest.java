package org.reliefdesk.logic.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.TicketClock;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A leader's morning figures, counted from the scope's clocks. */
class DailyDigestTest {

    /** 01:00 on 1 December in China, still 30 November in UTC: the digest's day is China's. */
    private static final Instant NOW = Instant.parse("2026-11-30T17:00:00Z");

    private static TicketClock clock(LadderState state, Instant since) {
        return new TicketClock(
                List.of(),
                NOW.minus(Duration.ofDays(20)),
                null,
                null,
                state,
                since,
                Duration.ZERO,
                Duration.ZERO,
                false);
    }

    @Test
    void eachOpenRequestIsCountedInItsStateAndOnlyThoseSupervisedWithinADayAreNew() {
        List<TicketClock> clocks = new ArrayList<>();
        clocks.add(clock(LadderState.CONCLUDED, NOW.minus(Duration.ofHours(1))));
        clocks.add(clock(LadderState.ON_TIME, null));
        for (int i = 0; i < 2; i++) {
            clocks.add(clock(LadderState.DUE_SOON, null));
        }
        for (int i = 0; i < 3; i++) {
            clocks.add(clock(LadderState.STEP_OVERDUE, NOW.minus(Duration.ofHours(2))));
        }
        clocks.add(clock(LadderState.SUPERVISED, NOW.minus(Duration.ofHours(1)))); // new today
        clocks.add(clock(LadderState.SUPERVISED, NOW.minus(Duration.ofHours(24)))); // exactly a day: not new
        clocks.add(clock(LadderState.SUPERVISED, NOW.minus(Duration.ofHours(25))));
        clocks.add(clock(LadderState.SUPERVISED, null)); // when is unknown: not counted as new

        assertEquals(new DailyDigest(LocalDate.of(2026, 12, 1), 10, 2, 3, 4, 1), DailyDigest.of(clocks, NOW));
    }

    @Test
    void noOpenRequestIsAllZeros() {
        assertEquals(
                new DailyDigest(LocalDate.of(2026, 12, 1), 0, 0, 0, 0, 0),
                DailyDigest.of(List.of(clock(LadderState.CONCLUDED, NOW)), NOW));
    }
}
