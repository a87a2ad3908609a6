package org.reliefdesk.central;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reliefdesk.logic.sync.PullPage;

/**
 * How a pull page is written for a PC that asks {@code tickets=objects} (docs/sync-protocol.md):
 * each ticket's line goes out as the JSON object it is, not escaped into a string, and the page is
 * otherwise {@link PullPage} as always. The central store copies the line it keeps, which is safe
 * because it only ever keeps a line it wrote itself (its codec's, after the ticket was checked),
 * never one as a client sent it.
 */
public interface TicketsAsObjects {

    /** Jackson's mix-in for {@link PullPage.Change}: its ticket written as a raw value. */
    @JsonRawValue
    String ticket();

    /** A copy of {@code json} that writes pages so. */
    static ObjectMapper mapper(ObjectMapper json) {
        return json.copy().addMixIn(PullPage.Change.class, TicketsAsObjects.class);
    }
}
