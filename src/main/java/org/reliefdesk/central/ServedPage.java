package org.reliefdesk.central;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.reliefdesk.logic.sync.PullPage;

/**
 * A pull page as the central store serves it: {@link PullPage}'s fields under the same names, each
 * ticket's line as the UTF-8 bytes the store keeps, never decoded on the way out ({@link
 * TicketsAsObjects} writes them). {@link #asPullPage()} is the page as a PC reads it.
 */
public record ServedPage(
        List<Line> changes,
        long next,
        boolean more,
        long total,
        List<UUID> left,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> held,
        @JsonInclude(JsonInclude.Include.NON_NULL) String store,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> earlierStores,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean cursorAhead) {

    /** A ticket as it is after change {@code changeNo}: its interchange line in UTF-8. */
    public record Line(long changeNo, byte[] ticket) {}

    public PullPage asPullPage() {
        return new PullPage(
                changes.stream()
                        .map(l -> new PullPage.Change(l.changeNo(), new String(l.ticket(), StandardCharsets.UTF_8)))
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
