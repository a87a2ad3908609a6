package org.reliefdesk.sync;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One ticket of a pull page as it arrived: from a central store that sends tickets as objects,
 * its tree and where its text lies in the page's bytes (the text is made only when asked: a
 * county's first pull reads 50,000 of them and needs the text of a few at most); from one that
 * sends each as a string (before {@code tickets=objects}), that string.
 */
public final class PulledTicket {

    private final long changeNo;
    private final JsonNode tree;
    private final PageBytes page;
    private final long from;
    private final long to;
    private String line;

    private PulledTicket(long changeNo, JsonNode tree, PageBytes page, long from, long to, String line) {
        this.changeNo = changeNo;
        this.tree = tree;
        this.page = page;
        this.from = from;
        this.to = to;
        this.line = line;
    }

    /** A ticket sent as a JSON value, read into {@code tree}, its text at {@code from} … {@code to} of the page. */
    static PulledTicket asValue(long changeNo, JsonNode tree, PageBytes page, long from, long to) {
        return new PulledTicket(changeNo, tree, page, from, to, null);
    }

    /** A ticket sent as one string, its interchange line. */
    static PulledTicket asLine(long changeNo, String line) {
        return new PulledTicket(changeNo, null, null, 0, 0, line);
    }

    public long changeNo() {
        return changeNo;
    }

    /** The ticket's tree, or null when it came as a line of text (read that). */
    public JsonNode tree() {
        return tree;
    }

    /** The length of the ticket's text in UTF-8 bytes, as it lay in the page (a line: its own encoding). */
    public long utf8Bytes() {
        return tree != null ? to - from : line.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The ticket's interchange line, exactly as the central store sent it. */
    public String line() {
        if (line == null) {
            line = page.text(from, to);
        }
        return line;
    }
}
