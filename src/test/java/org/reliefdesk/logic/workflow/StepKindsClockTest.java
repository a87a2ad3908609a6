package org.reliefdesk.logic.workflow;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.calendar.WorkingCalendar;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.StepState;
import org.reliefdesk.logic.clock.StepTiming;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.clock.TicketClocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A step with no limit and a step that pauses the clock: never late while in them, done on time when left. */
class StepKindsClockTest {

    private static final TicketClocks CLOCKS = new TicketClocks(Harness.CATALOG, CalendarLoader.builtIn());

    @Test
    void aStepWithoutALimitIsNeverLateAndLeftOnTime() {
        Harness h = new Harness("drinking_water");
        h.act("accept");
        h.act("verify");
        h.act("engineering_measure");
        TicketClock in = CLOCKS.compute(h.ticket, h.history, h.now.plus(Duration.ofDays(3)));
        StepTiming engineering = in.current().orElseThrow();
        assertEquals("engineering", engineering.step());
        assertEquals(StepState.NO_LIMIT, engineering.state());
        assertNull(engineering.due());
        assertEquals(engineering.entered(), engineering.stateSince());
        h.act("solve");
        TicketClock after = CLOCKS.compute(h.ticket, h.history, h.now);
        StepTiming left = after.steps().stream()
                .filter(s -> s.step().equals("engineering"))
                .findFirst()
                .orElseThrow();
        assertEquals(StepState.DONE_ON_TIME, left.state());
        assertNotNull(left.left());
        assertEquals(left.left(), left.stateSince());
        assertEquals("feedback", after.current().orElseThrow().step());
    }

    @Test
    void aPausedStepIsPausedNotLateAndItsDaysAreNotCounted() {
        Harness h = new Harness("temporary_assistance");
        h.act("request_material");
        TicketClock waiting = CLOCKS.compute(h.ticket, h.history, h.now.plus(Duration.ofDays(40)));
        StepTiming paused = waiting.current().orElseThrow();
        assertEquals("awaiting_material", paused.step());
        assertEquals(StepState.PAUSED, paused.state());
        assertNull(paused.due());
        assertEquals(LadderState.SUPERVISED, waiting.state(), "督办 still counts from submission");
        h.act("supply_material");
        TicketClock back = CLOCKS.compute(h.ticket, h.history, h.now);
        StepTiming left = back.steps().stream()
                .filter(s -> s.step().equals("awaiting_material"))
                .findFirst()
                .orElseThrow();
        assertEquals(StepState.DONE_ON_TIME, left.state());
        assertEquals(Duration.ofHours(20), Duration.between(left.entered(), left.left()));
        assertEquals(Duration.ofHours(20), back.paused(), "the paused time is counted apart");
        assertEquals(0, back.pausedDays());
        assertEquals(
                Duration.between(h.ticket.submittedAt(), h.now),
                back.open(),
                "days open run on through a pause; the pause is said beside them");
    }

    @Test
    void theClocksSayTheirCalendarAndWholeDaysOpen() {
        WorkingCalendar calendar = CalendarLoader.builtIn();
        TicketClocks clocks = new TicketClocks(Harness.CATALOG, calendar);
        assertSame(calendar, clocks.calendar());
        Harness h = new Harness("drinking_water");
        TicketClock c = clocks.compute(
                h.ticket,
                h.history,
                h.ticket.submittedAt().plus(Duration.ofDays(3).plusHours(5)));
        assertEquals(3, c.openDays());
    }
}
