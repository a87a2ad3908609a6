package org.reliefdesk.central;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the central store's route table: a method, a path (segments in braces are taken
 * from the path, such as {@code /users/{username}/disable}), who may call it, and what answers.
 */
record Route(String method, String path, Access access, Endpoint endpoint) {

    /** What answers a route. */
    @FunctionalInterface
    interface Endpoint {
        void handle(Exchange x) throws IOException;
    }

    /** The path's named segments when {@code actual} is this route's path, else empty. */
    Optional<Map<String, String>> match(String actual) {
        String[] want = path.split("/", -1);
        String[] got = actual.split("/", -1);
        if (want.length != got.length) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (got[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
