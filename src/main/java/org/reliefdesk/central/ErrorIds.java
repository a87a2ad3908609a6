package org.reliefdesk.central;

import java.security.SecureRandom;

import org.slf4j.Logger;

/**
 * The central store's own failures: the stack trace goes to the log under a short random id,
 * and only the id goes to the client (never SQL, table, column or class names).
 */
final class ErrorIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorIds() {}

    /** Logs the failure and returns its id, e.g. {@code E-3F9A2C1B}. */
    static String log(Logger log, String what, Throwable e) {
        String id = String.format("E-%08X", RANDOM.nextInt());
        log.error("{} [{}]", what, id, e);
        return id;
    }
}
