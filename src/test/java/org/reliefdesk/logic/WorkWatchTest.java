package org.reliefdesk.logic;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.calendar.WorkingCalendar;
import org.reliefdesk.logic.calendar.WorkingHours;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.queue.WorkWatch;
import org.reliefdesk.logic.queue.WorkWatch.Seen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notices for new and due-soon tasks: only news, only in office hours, nothing lost overnight. */
class WorkWatchTest {

    private static final WorkingCalendar CALENDAR = CalendarLoader.builtIn();
    private final Seen a = new Seen(UUID.randomUUID(), "A", LadderState.ON_TIME);
    private final Seen b = new Seen(UUID.randomUUID(), "B", LadderState.ON_TIME);
    private final Seen c = new Seen(UUID.randomUUID(), "C", LadderState.ON_TIME);

    @Test
    void firstLookOnlyTakesNoteThenNewTasksAreAnnouncedOnce() {
        WorkWatch watch = new WorkWatch();
        assertTrue(watch.look(List.of(a, b), true).isEmpty());
        WorkWatch.Alerts alerts = watch.look(List.of(a, b, c), true);
        assertEquals(List.of("C"), alerts.newTasks());
        assertEquals(List.of(), alerts.turnedDueSoon());
        assertTrue(watch.look(List.of(a, b, c), true).isEmpty());
    }

    @Test
    void aTaskTurningDueSoonIsAnnouncedOnceAndAgainIfItTurnsDueSoonInALaterStep() {
        WorkWatch watch = new WorkWatch();
        watch.look(List.of(a, b), true);
        Seen aDue = new Seen(a.id(), "A", LadderState.DUE_SOON);
        assertEquals(List.of("A"), watch.look(List.of(aDue, b), true).turnedDueSoon());
        assertTrue(watch.look(List.of(aDue, b), true).isEmpty());
        watch.look(List.of(a, b), true); // acted on: next step, not due soon
        assertEquals(List.of("A"), watch.look(List.of(aDue, b), true).turnedDueSoon());
    }

    @Test
    void aTaskGoingOverdueThenSupervisedIsAnnouncedAtEachAndOnlyOnce() {
        WorkWatch watch = new WorkWatch();
        watch.look(List.of(a, b), true);
        Seen aLate = new Seen(a.id(), "A", LadderState.STEP_OVERDUE);
        WorkWatch.Alerts late = watch.look(List.of(aLate, b), true);
        assertEquals(List.of("A"), late.turnedStepOverdue());
        assertEquals(List.of(), late.turnedSupervised());
        assertTrue(watch.look(List.of(aLate, b), true).isEmpty(), "told once");
        Seen aSupervised = new Seen(a.id(), "A", LadderState.SUPERVISED);
        Seen bSupervised = new Seen(b.id(), "B", LadderState.SUPERVISED);
        WorkWatch.Alerts supervised = watch.look(List.of(aSupervised, bSupervised), true);
        assertEquals(List.of("A", "B"), supervised.turnedSupervised());
        assertEquals(List.of(), supervised.turnedStepOverdue());
        Seen cSupervised = new Seen(c.id(), "C", LadderState.SUPERVISED);
        WorkWatch.Alerts arrived = watch.look(List.of(aSupervised, bSupervised, cSupervised), true);
        assertEquals(List.of("C"), arrived.newTasks(), "a new task is new, whatever its state");
        assertEquals(List.of(), arrived.turnedSupervised());
    }

    @Test
    void outsideOfficeHoursNothingIsShownAndTheMorningSumsUpTheNight() {
        WorkWatch watch = new WorkWatch();
        watch.look(List.of(a), true);
        assertTrue(watch.look(List.of(a, b), false).isEmpty());
        assertTrue(watch.look(List.of(a, b, c), false).isEmpty());
        assertEquals(List.of("B", "C"), watch.look(List.of(a, b, c), true).newTasks());
    }

    @Test
    void officeHoursAreEightThirtyToSixOnWorkingDaysChinaTime() {
        WorkingHours hours = WorkingHours.OFFICE;
        // Tuesday 2024-10-08 (a working day after the National Day holiday), China time = UTC+8
        assertFalse(hours.contains(Instant.parse("2024-10-08T00:29:59Z"), CALENDAR)); // 08:29:59
        assertTrue(hours.contains(Instant.parse("2024-10-08T00:30:00Z"), CALENDAR)); // 08:30
        assertTrue(hours.contains(Instant.parse("2024-10-08T09:59:59Z"), CALENDAR)); // 17:59:59
        assertFalse(hours.contains(Instant.parse("2024-10-08T10:00:00Z"), CALENDAR)); // 18:00
        assertFalse(hours.contains(Instant.parse("2024-10-03T02:00:00Z"), CALENDAR)); // National Day, 10:00
        assertTrue(hours.contains(Instant.parse("2024-10-12T02:00:00Z"), CALENDAR)); // make-up Saturday
        assertFalse(hours.contains(Instant.parse("2024-10-13T02:00:00Z"), CALENDAR)); // Sunday
    }
}
