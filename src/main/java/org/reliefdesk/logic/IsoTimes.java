package org.reliefdesk.logic;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * ISO-8601 texts read as java.time reads them, quickly. A county's interchange lines carry tens
 * of thousands of times, and java.time's general parser was a third of decoding a pulled ticket.
 * Only the plain forms this project writes take the short path (ASCII digits, {@code T}, seconds
 * optional, 1–9 fraction digits, {@code Z} or {@code ±HH:MM}); every other text goes to java.time
 * itself, so what is accepted, refused and returned is exactly java.time's.
 */
public final class IsoTimes {

    private IsoTimes() {}

    /** As {@code OffsetDateTime.parse(text).toInstant()}. */
    public static Instant instant(String text) {
        Instant fast = fastInstant(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /** As {@code LocalDate.parse(text)}. */
    public static LocalDate date(String text) {
        LocalDate fast = text.length() == 10 ? fastDate(text) : null;
        return fast != null ? fast : LocalDate.parse(text);
    }

    /** As {@code LocalDateTime.parse(text)}. */
    public static LocalDateTime dateTime(String text) {
        LocalDate day = text.length() >= 16 ? fastDate(text) : null;
        long[] time = day == null ? null : fastTime(text, text.length());
        return time != null
                ? LocalDateTime.of(day, LocalTime.ofNanoOfDay(time[0] * 1_000_000_000L + time[1]))
                : LocalDateTime.parse(text);
    }

    /** Null when the text is not of the plain form (java.time then decides). */
    private static Instant fastInstant(String s) {
        int n = s.length();
        if (n < 17) {
            return null;
        }
        int offsetSeconds;
        int end;
        if (s.charAt(n - 1) == 'Z') {
            offsetSeconds = 0;
            end = n - 1;
        } else {
            if (n < 22 || s.charAt(n - 3) != ':') {
                return null;
            }
            char sign = s.charAt(n - 6);
            int oh = two(s, n - 5);
            int om = two(s, n - 2);
            // -00:00 and offsets beyond ±18:00 are left to java.time
            if ((sign != '+' && sign != '-')
                    || oh < 0
                    || om < 0
                    || om > 59
                    || oh * 60 + om > 18 * 60
                    || (sign == '-' && oh + om == 0)) {
                return null;
            }
            offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            end = n - 6;
        }
        LocalDate day = fastDate(s);
        long[] time = day == null ? null : fastTime(s, end);
        if (time == null) {
            return null;
        }
        return Instant.ofEpochSecond(day.toEpochDay() * 86_400 + time[0] - offsetSeconds, time[1]);
    }

    /** {@code yyyy-MM-dd} at the start of the text, or null. */
    private static LocalDate fastDate(String s) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y1 = two(s, 0);
        int y2 = two(s, 2);
        int m = two(s, 5);
        int d = two(s, 8);
        if (y1 < 0 || y2 < 0 || m < 0 || d < 0) {
            return null;
        }
        try {
            return LocalDate.of(y1 * 100 + y2, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * {@code THH:mm[:ss[.f…]]} from index 10 up to {@code end}: {seconds of the day, nanos}, or
     * null when it is not exactly that.
     */
    private static long[] fastTime(String s, int end) {
        if (end < 16 || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int h = two(s, 11);
        int mi = two(s, 14);
        int sec = 0;
        long nanos = 0;
        if (end > 16) {
            if (end < 19 || s.charAt(16) != ':') {
                return null;
            }
            sec = two(s, 17);
            if (end > 19) {
                int digits = end - 20;
                if (s.charAt(19) != '.' || digits < 1 || digits > 9) {
                    return null;
                }
                for (int i = 20; i < end; i++) {
                    int d = s.charAt(i) - '0';
                    if (d < 0 || d > 9) {
                        return null;
                    }
                    nanos = nanos * 10 + d;
                }
                for (int i = digits; i < 9; i++) {
                    nanos *= 10;
                }
            }
        }
        if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) {
            return null;
        }
        return new long[] {h * 3600L + mi * 60L + sec, nanos};
    }

    /** Two ASCII digits at {@code at} as a number, or -1. */
    private static int two(String s, int at) {
        int a = s.charAt(at) - '0';
        int b = s.charAt(at + 1) - '0';
        return a < 0 || a > 9 || b < 0 || b > 9 ? -1 : a * 10 + b;
    }
}
