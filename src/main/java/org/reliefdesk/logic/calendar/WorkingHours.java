package org.reliefdesk.logic.calendar;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.reliefdesk.model.ChinaTime;

/**
 * Office hours on working days (China time), when the workbench may pop up notices. County
 * offices keep 08:30–18:00 with a lunch break; notices during the break are harmless, so the
 * day is one span. Weekends, holidays and make-up days come from the working calendar.
 */
public record WorkingHours(LocalTime start, LocalTime end) {

    public static final WorkingHours OFFICE = new WorkingHours(LocalTime.of(8, 30), LocalTime.of(18, 0));

    public boolean contains(Instant at, WorkingCalendar calendar) {
        ZonedDateTime local = at.atZone(ChinaTime.ZONE);
        LocalTime time = local.toLocalTime();
        return calendar.isWorkingDay(local.toLocalDate()) && !time.isBefore(start) && time.isBefore(end);
    }
}
