package org.reliefdesk.logic;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * A failure that is the program's or its database's, not the person's: the stack trace goes to
 * the log under a short random id, and only the id goes to whoever is told (a client of the
 * central store, a person at the PC) — never SQL, table, column or class names, never a
 * library's English.
 */
public final class ErrorIds {

    /**
     * Marks a failure the person has been told of in their own words (a command's message on the
     * console): the log file keeps it with its stack trace, the console does not repeat it.
     */
    public static final Marker TOLD = MarkerFactory.getMarker("TOLD");

    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorIds() {}

    /** Logs the failure and returns its id, e.g. {@code E-3F9A2C1B}. */
    public static String log(Logger log, String what, Throwable e) {
        String id = newId();
        log.error("{} [{}]", what, id, e);
        return id;
    }

    /** As {@link #log}, for a failure the caller then tells the person of itself ({@link #TOLD}). */
    public static String logTold(Logger log, String what, Throwable e) {
        String id = newId();
        log.error(TOLD, "{} [{}]", what, id, e);
        return id;
    }

    private static String newId() {
        return String.format("E-%08X", RANDOM.nextInt());
    }
}
