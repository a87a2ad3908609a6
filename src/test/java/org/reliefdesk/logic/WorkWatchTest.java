package org.reliefdesk.logic;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.calendar.WorkingCalendar;
import org.reliefdesk.logic.calendar.WorkingHours;
import org.reliefdesk.logic.queue.WorkWatch;
import org.reliefdesk.logic.queue.WorkWatch.Seen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notices for new and due-soon tasks: only news, only in office hours, nothing lost overnight. */
class WorkWatchTest {

    private static final WorkingCalendar CALENDAR = CalendarLoader.builtIn();
    private final Seen a = new Seen(UUID.randomUUID(), "A", false);
    private final Seen b = new Seen(UUID.randomUUID(), "B", false);
    private final Seen c = new Seen(UUID.randomUUID(), "C", false);

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
        Seen aDue = new Seen(a.id(), "A", true);
        assertEquals(List.of("A"), watch.look(List.of(aDue, b), true).turnedDueSoon());
        assertTrue(watch.look(List.of(aDue, b), true).isEmpty());
        watch.look(List.of(a, b), true); // acted on: next step, not due soon
        assertEquals(List.of("A"), watch.look(List.of(aDue, b), true).turnedDueSoon());
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
