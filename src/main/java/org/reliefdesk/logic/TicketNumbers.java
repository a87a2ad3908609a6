package org.reliefdesk.logic;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.regex.Pattern;

import org.reliefdesk.model.ChinaTime;

/**
 * Ticket numbers (工单编号), the one place that knows their shape: the county's code (6 digits),
 * the day of submission in China time (yyyyMMdd) and that day's sequence in the county, at least
 * 4 digits and at most 8 (the 10,000th ticket of a day is {@code …10000}, not a fifth digit
 * squeezed into four). Sequences are compared as numbers, never as text.
 */
public final class TicketNumbers {

    private static final Pattern SHAPE = Pattern.compile("\\d{6}\\d{8}\\d{4,8}");

    private TicketNumbers() {}

    public static boolean wellFormed(String number) {
        return number != null && SHAPE.matcher(number).matches();
    }

    /** County code and day: the part every number of that county and day shares. */
    public static String prefix(String countyCode, Instant submittedAt) {
        return countyCode + submittedAt.atZone(ChinaTime.ZONE).toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** The sequence of a well-formed number with this prefix, or -1 for any other text. */
    public static long sequence(String prefix, String number) {
        if (!wellFormed(number) || !number.startsWith(prefix) || prefix.length() != 14) {
            return -1;
        }
        return Long.parseLong(number.substring(prefix.length()));
    }

    /** The number after the highest well-formed sequence among {@code taken} (numbers of that prefix). */
    public static String next(String prefix, Collection<String> taken) {
        long last = 0;
        for (String n : taken) {
            last = Math.max(last, sequence(prefix, n));
        }
        return number(prefix, last + 1);
    }

    public static String number(String prefix, long sequence) {
        return prefix + String.format("%04d", sequence);
    }
}
