package org.reliefdesk.central;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.reliefdesk.logic.sync.PullPage;

/**
 * A pull page with each ticket sent as the JSON object its line is ({@code tickets=objects},
 * docs/sync-protocol.md), not escaped into a string: the central store copies the line it keeps,
 * and the PC reads each ticket once. A line goes out as it is kept, which is safe because the
 * central store only ever keeps a line it wrote itself (its codec's, after the ticket was
 * checked), never one as a client sent it.
 */
public record ObjectsPage(
        List<Change> changes,
        long next,
        boolean more,
        long total,
        List<UUID> left,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> held) {

    /** A change with its ticket's line written into the page as the object it is. */
    public record Change(long changeNo, @JsonRawValue String ticket) {}

    public static ObjectsPage of(PullPage page) {
        return new ObjectsPage(
                page.changes().stream()
                        .map(c -> new Change(c.changeNo(), c.ticket()))
                        .toList(),
                page.next(),
                page.more(),
                page.total(),
                page.left(),
                page.held());
    }
}
