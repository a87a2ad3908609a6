package org.reliefdesk.logic.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.reliefdesk.model.ChinaTime;

/**
 * When a time limit runs out. {@code due} is the first instant that is late; for day-based
 * limits that is 00:00 after the last allowed day, so "due by the end of 2024-09-30" is
 * {@code 2024-10-01T00:00+08:00}. {@code estimated} is true when a day in a year without
 * official calendar data had to be counted Monday–Friday.
 */
public record Deadline(Instant due, boolean estimated) {

    /**
     * A due instant as people write it, to the minute in China time: the end of a day is
     * "2024-09-30 24:00", not "2024-10-01 00:00". Empty for none.
     */
    public static String written(Instant due) {
        if (due == null) {
            return "";
        }
        LocalDateTime t = LocalDateTime.ofInstant(due, ChinaTime.ZONE);
        return t.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? t.toLocalDate().minusDays(1) + " 24:00"
                : t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    /** The last moment that is still on time, in the given zone, to the second. */
    public LocalDateTime lastMoment(ZoneId zone) {
        return LocalDateTime.ofInstant(due.minusSeconds(1), zone);
    }
}
