package org.reliefdesk.logic.sync;

import java.util.List;

/**
 * One page of changes after a cursor, in the central store's order. {@code more} says another
 * page follows: a pull is never cut short without saying so.
 *
 * @param next the cursor to ask with next time (the last change number on this page, or the
 *             asked cursor when the page is empty)
 * @param total how many changes after the asked cursor there were when the page was read (for
 *              progress), or -1 when the client did not ask for the count
 */
public record PullPage(List<Change> changes, long next, boolean more, long total) {

    /** A ticket as it is after change {@code changeNo}, with its whole history, as an interchange line. */
    public record Change(long changeNo, String ticket) {}

    public PullPage {
        changes = List.copyOf(changes);
    }
}
