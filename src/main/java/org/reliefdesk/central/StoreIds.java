package org.reliefdesk.central;

import java.util.List;

/**
 * Which store this is, as every pull page says it: its id, and the ids it had before it was
 * restored from a backup ({@code central renew-id}), newest first and at most
 * {@link org.reliefdesk.logic.sync.WireLimits#EARLIER_STORE_IDS}.
 */
record StoreIds(String current, List<String> earlier) {

    StoreIds {
        earlier = List.copyOf(earlier);
    }
}
