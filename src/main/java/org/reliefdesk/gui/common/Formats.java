package org.reliefdesk.gui.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.reliefdesk.logic.calendar.Deadline;
import org.reliefdesk.model.ChinaTime;

/** How times are shown: China time, minutes precision, the form clerks write by hand. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private Formats() {}

    /** An exclusive end ("due") shown as its last minute: 2024-10-01T00:00 → 2024-09-30 24:00. */
    public static String lastMoment(Instant due) {
        return Deadline.written(due);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** A day of the year as "09-14", the same in every language (no US "9/14" in English). */
    public static String monthDay(LocalDate day) {
        return MONTH_DAY.format(day);
    }

    /**
     * A shown cell value as a spreadsheet value: whole numbers up to nine digits as numbers (ticket
     * and ID numbers stay text), "yyyy-MM-dd HH:mm" as a time (an Instant, written as an Excel date;
     * "2024-09-30 24:00" is the next midnight),
     * anything else as the text shown.
     */
    public static Object exportValue(Object shown) {
        if (!(shown instanceof String s)) {
            return shown;
        }
        if (s.matches("-?\\d{1,9}")) {
            return Long.parseLong(s);
        }
        if (s.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")) {
            try {
                return LocalDateTime.parse(s, DATE_TIME.withZone(null))
                        .atZone(ChinaTime.ZONE)
                        .toInstant();
            } catch (DateTimeParseException e) {
                return s; // not a real time: stays as shown
            }
        }
        return s;
    }
}
