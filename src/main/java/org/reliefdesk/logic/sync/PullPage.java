package org.reliefdesk.logic.sync;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of changes after a cursor, in the central store's order. {@code more} says another
 * page follows: a pull is never cut short without saying so.
 *
 * @param next the cursor to ask with next time (the last change number on this page, or the
 *             asked cursor when the page is empty)
 * @param total how many changes after the asked cursor there were when the page was read (for
 *              progress), or -1 when the client did not ask for the count
 * @param left tickets that left the caller's scope within the page's changes (moved to an item
 *             outside it: 转派, 重新派单), in the order they left; only their ids, never their new
 *             state. A PC removes each unless the page itself brings it back. Empty from a server
 *             that does not send it.
 * @param held the attachments (SHA-256 names) the page's tickets name that the central store holds
 *             whole, when the client asked ({@code held=true}): a PC asks for these and for no
 *             other, so a new PC's first pull does not ask once per photo never taken. {@code null}
 *             when not asked, or from a server that does not say (ask for each); left out of the
 *             JSON then, so a PC of an earlier version never meets a field it does not know.
 * @param store the id of the central store that made the page; a cursor is a number of that store
 *              alone. {@code null} from a store of an earlier version.
 * @param earlierStores the ids the store had before it was restored from a backup ({@code central
 *                      renew-id}), newest first: a PC whose cursor came from one of them knows its
 *                      own store was restored. Left out when empty.
 * @param cursorAhead the asked cursor lies past the county's last change: a number of another store,
 *                    or of this one before it was restored from a backup. Left out when false.
 */
public record PullPage(
        List<Change> changes,
        long next,
        boolean more,
        long total,
        List<UUID> left,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> held,
        @JsonInclude(JsonInclude.Include.NON_NULL) String store,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> earlierStores,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean cursorAhead) {

    /** A ticket as it is after change {@code changeNo}, with its whole history, as an interchange line. */
    public record Change(long changeNo, String ticket) {}

    public PullPage {
        changes = List.copyOf(changes);
        left = left == null ? List.of() : List.copyOf(left);
        held = held == null ? null : List.copyOf(held);
        earlierStores = earlierStores == null ? List.of() : List.copyOf(earlierStores);
    }

    /** A page from a store of an earlier version, which does not say which store it is. */
    public PullPage(List<Change> changes, long next, boolean more, long total, List<UUID> left, List<String> held) {
        this(changes, next, more, total, left, held, null, List.of(), false);
    }

    /** A page in which no ticket left the scope, from a server that does not say which attachments it holds. */
    public PullPage(List<Change> changes, long next, boolean more, long total) {
        this(changes, next, more, total, List.of(), null);
    }
}
