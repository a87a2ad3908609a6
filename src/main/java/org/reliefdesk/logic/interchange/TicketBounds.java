package org.reliefdesk.logic.interchange;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.reliefdesk.logic.TicketNumbers;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;

/**
 * What every ticket must fit before any store takes it, on the central store and on the PC
 * alike: every text fits the narrower of the two schemas (the PC's columns), holds no NUL,
 * no other control character (a long text may break lines) and no bidirectional override
 * (which can make a name read as another), and the ticket number is the county's, of its day,
 * in digits. A value the central store takes must be one every PC can store.
 */
public final class TicketBounds {

    /** The longest interchange line taken (a ticket with a long history of large forms is far below). */
    public static final int MAX_LINE_CHARS = 1_000_000;
    /** The longest history taken: far more than any item's workflow allows, even with rounds and reopenings. */
    public static final int MAX_EVENTS = 300;

    public static final int MAX_NAME = 100;
    public static final int MAX_RAISED_BY = 200;
    public static final int MAX_ACTOR = 200;
    public static final int MAX_NOTE = 4000;
    /** Any one text in a form (a form field's own maxLength may be tighter). */
    public static final int MAX_FORM_TEXT = 4000;
    /** The deepest nesting of repeated rows in a form. */
    private static final int MAX_DEPTH = 4;

    private TicketBounds() {}

    /** @throws InvalidFieldException naming the first field out of bounds and the rule */
    public static void check(TicketHistory h) {
        ticketNumber(h.ticket());
        contents(h);
    }

    /** Everything but the ticket number (which the central store gives a ticket opened on a PC). */
    public static void contents(TicketHistory h) {
        Ticket t = h.ticket();
        oneLine("countyName", t.county().name(), MAX_NAME);
        oneLine("townshipName", t.township().name(), MAX_NAME);
        oneLine("villageName", t.village().name(), MAX_NAME);
        oneLine("applicant.name", t.applicant().name(), MAX_NAME);
        oneLine("raisedBy", t.raisedBy(), MAX_RAISED_BY);
        if (h.events().size() > MAX_EVENTS) {
            throw new InvalidFieldException("events", "rule.bounds.tooMany", MAX_EVENTS);
        }
        StringBuilder path = new StringBuilder(64);
        for (int i = 0; i < h.events().size(); i++) {
            path.setLength(0);
            event(path.append("events[").append(i).append("]."), h.events().get(i));
        }
    }

    /** Every text in a form's values (rows included). */
    public static void form(String prefix, Map<String, Object> values, int depth) {
        form(new StringBuilder(prefix), values, depth);
    }

    // The path to a value is built in one buffer and made text only for a refusal: every text of
    // every pulled ticket passes here, and a string per value and per name was most of the time.

    private static void event(StringBuilder prefix, TicketEvent e) {
        int at = prefix.length();
        text(prefix.append("actor"), at, e.actor(), MAX_ACTOR, false);
        text(prefix.append("note"), at, e.note(), MAX_NOTE, true);
        form(prefix.append("form."), e.formData(), 0);
        prefix.setLength(at);
    }

    private static void form(StringBuilder prefix, Map<String, Object> values, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidFieldException(prefix.toString(), "rule.bounds.depth", MAX_DEPTH);
        }
        int at = prefix.length();
        for (Map.Entry<String, Object> v : values.entrySet()) {
            text(prefix.append("(name)"), at, v.getKey(), 64, false);
            value(prefix.append(v.getKey()), v.getValue(), depth);
            prefix.setLength(at);
        }
    }

    /** Checks the value at {@code path} (the buffer holds it now; it is left longer). */
    @SuppressWarnings("unchecked")
    private static void value(StringBuilder path, Object v, int depth) {
        // One level below the deepest form allowed lie a row's values and a list's items; deeper
        // lie only lists in lists, which no form holds (and which, unchecked, recursed as deep as
        // the parser let a hostile line nest them, past a small thread stack).
        if (depth > MAX_DEPTH + 1) {
            throw new InvalidFieldException(path.toString(), "rule.bounds.depth", MAX_DEPTH);
        }
        if (v instanceof String s) {
            text(path, path.length(), s, MAX_FORM_TEXT, true);
        } else if (v instanceof List<?> list) {
            if (list.size() > 200) {
                throw new InvalidFieldException(path.toString(), "rule.bounds.tooMany", 200);
            }
            int at = path.length();
            for (int i = 0; i < list.size(); i++) {
                value(path.append('[').append(i).append(']'), list.get(i), depth + 1);
                path.setLength(at);
            }
        } else if (v instanceof Map<?, ?> m) {
            form(path.append('.'), (Map<String, Object>) m, depth + 1);
        }
    }

    /**
     * A ticket number: the county's code, the day of submission (yyyyMMdd, China time) and a
     * sequence of 4 to 8 digits ({@link TicketNumbers}).
     */
    static void ticketNumber(Ticket t) {
        String no = t.ticketNo();
        if (!TicketNumbers.wellFormed(no)) {
            throw new InvalidFieldException("ticketNo", "rule.ticketNo.format");
        }
        if (!no.startsWith(t.county().code())) {
            throw new InvalidFieldException(
                    "ticketNo", "rule.ticketNo.county", t.county().code());
        }
        // digits by the shape above: a day that is no day (20261345) is refused by LocalDate itself
        LocalDate numbered;
        try {
            numbered = LocalDate.of(digits(no, 6, 10), digits(no, 10, 12), digits(no, 12, 14));
        } catch (DateTimeException e) {
            throw new InvalidFieldException("ticketNo", "rule.ticketNo.format");
        }
        if (!numbered.equals(t.submittedAt().atZone(ChinaTime.ZONE).toLocalDate())) {
            String day =
                    TicketNumbers.prefix(t.county().code(), t.submittedAt()).substring(6);
            throw new InvalidFieldException("ticketNo", "rule.ticketNo.day", day);
        }
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    /** A name or code: one line, no control or direction characters, at most {@code max} characters. */
    public static void oneLine(String field, String value, int max) {
        text(field, value, max, false);
    }

    /** A text that may break lines (notes, descriptions). */
    public static void multiLine(String field, String value, int max) {
        text(field, value, max, true);
    }

    private static void text(String field, String value, int max, boolean breaks) {
        if (value != null && !fits(value, max, breaks)) {
            refuse(field, value, max, breaks);
        }
    }

    /** The text at {@code path}; the buffer is cut back to {@code at} after. */
    private static void text(StringBuilder path, int at, String value, int max, boolean breaks) {
        if (value != null && !fits(value, max, breaks)) {
            refuse(path.toString(), value, max, breaks);
        }
        path.setLength(at);
    }

    /** Whether a text holds no refused character and is not too long (one pass, no path made). */
    private static boolean fits(String value, int max, boolean breaks) {
        int n = value.length();
        if (n > max) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (refused(value.charAt(i), breaks)) {
                return false;
            }
        }
        return true;
    }

    /** Which rule a text that does not fit breaks: a refused character first, then its length. */
    private static void refuse(String field, String value, int max, boolean breaks) {
        for (int i = 0; i < value.length(); i++) {
            if (refused(value.charAt(i), breaks)) {
                throw new InvalidFieldException(field, "rule.bounds.control");
            }
        }
        // UTF-16 units, as the local H2 counts: a rare character outside the BMP counts twice
        throw new InvalidFieldException(field, "rule.bounds.length", max, value.length());
    }

    /**
     * A control character (Unicode's Cc: U+0000–001F, U+007F–009F; with {@code breaks} a tab, a
     * line feed and a carriage return are allowed), a mark that turns the direction of text
     * (U+061C, U+200E, U+200F, U+202A–202E, U+2066–2069), a line or paragraph separator
     * (U+2028, U+2029) or a byte-order mark (U+FEFF). A loop rather than a pattern: every text of
     * every pulled ticket passes here, and a county's first pull spent a quarter of its reading in
     * the pattern.
     */
    static boolean refused(char ch, boolean breaks) {
        if (ch < 0x20) {
            return !breaks || !(ch == '\t' || ch == '\n' || ch == '\r');
        }
        if (ch < 0x7F) {
            return false;
        }
        if (ch <= 0x9F) {
            return true;
        }
        return ch == 0x061C
                || ch == 0x200E
                || ch == 0x200F
                || (ch >= 0x202A && ch <= 0x202E)
                || (ch >= 0x2066 && ch <= 0x2069)
                || ch == 0x2028
                || ch == 0x2029
                || ch == 0xFEFF;
    }
}
