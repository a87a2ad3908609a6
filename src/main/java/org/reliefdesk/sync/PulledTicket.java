package org.reliefdesk.sync;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.reliefdesk.logic.interchange.TicketFields;

/**
 * One ticket of a pull page as it arrived: from a central store that sends tickets as objects,
 * its fields and where its text lies in the page's bytes (the text is made only when asked: a
 * county's first pull reads 50,000 of them and needs the text of a few at most); from one that
 * sends each as a string (before {@code tickets=objects}), that string.
 */
public final class PulledTicket {

    private final long changeNo;
    private final TicketFields fields;
    private final PageBytes page;
    private final long from;
    private final long to;
    private String line;

    private PulledTicket(long changeNo, TicketFields fields, PageBytes page, long from, long to, String line) {
        this.changeNo = changeNo;
        this.fields = fields;
        this.page = page;
        this.from = from;
        this.to = to;
        this.line = line;
    }

    /** A ticket sent as a JSON value, read into {@code fields}, its text at {@code from} … {@code to} of the page. */
    static PulledTicket asValue(long changeNo, TicketFields fields, PageBytes page, long from, long to) {
        return new PulledTicket(changeNo, fields, page, from, to, null);
    }

    /** A ticket sent as one string, its interchange line. */
    static PulledTicket asLine(long changeNo, String line) {
        return new PulledTicket(changeNo, null, null, 0, 0, line);
    }

    public long changeNo() {
        return changeNo;
    }

    /** The ticket's fields, or null when it came as a line of text (read that). */
    public TicketFields fields() {
        return fields;
    }

    /** The length of the ticket's text in UTF-8 bytes, as it lay in the page (a line: its own encoding). */
    public long utf8Bytes() {
        return fields != null ? to - from : line.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The text of each event's form as it lay in the page ("{}" where none was sent), for the
     * ticket's form row: its values are those the reading took from those bytes, so they are kept
     * as they came instead of being written out again (a county's first pull holds some 250,000
     * forms). Only for a ticket read into its fields.
     */
    public List<String> formTexts() {
        List<String> texts = new ArrayList<>(fields.eventCount());
        for (int i = 0; i < fields.eventCount(); i++) {
            TicketFields.FormSpan span = fields.formSpan(i);
            texts.add(span == null ? "{}" : page.text(span.from(), span.to()));
        }
        return texts;
    }

    /** The ticket's interchange line, exactly as the central store sent it. */
    public String line() {
        if (line == null) {
            line = page.text(from, to);
        }
        return line;
    }
}
