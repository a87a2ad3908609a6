package org.reliefdesk.sync;

import java.util.List;
import java.util.UUID;

import org.reliefdesk.logic.sync.PullPage;

/**
 * A pull page as the PC reads it (docs/sync-protocol.md): the page's own facts as {@link PullPage}
 * has them, and each ticket as it arrived, read into its fields but not yet checked.
 *
 * @param held the attachments the central store said it holds whole, or null when it did not say
 * @param store the id of the store that made the page, or null from a store of an earlier version
 * @param earlierStores the ids the store had before it was restored from a backup, newest first (empty when none)
 * @param cursorAhead whether the store said the asked cursor lies past its county's last change
 */
public record PulledPage(
        List<PulledTicket> tickets,
        long next,
        boolean more,
        long total,
        List<UUID> left,
        List<String> held,
        String store,
        List<String> earlierStores,
        boolean cursorAhead) {

    public PulledPage {
        tickets = List.copyOf(tickets);
        left = List.copyOf(left);
        held = held == null ? null : List.copyOf(held);
        earlierStores = earlierStores == null ? List.of() : List.copyOf(earlierStores);
    }

    /** The page with each ticket as its line of text, as the protocol's types have it. */
    public PullPage asPullPage() {
        return new PullPage(
                tickets.stream()
                        .map(t -> new PullPage.Change(t.changeNo(), t.line()))
                        .toList(),
                next,
                more,
                total,
                left,
                held,
                store,
                earlierStores,
                cursorAhead);
    }
}
