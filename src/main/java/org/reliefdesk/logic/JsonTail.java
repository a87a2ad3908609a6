package org.reliefdesk.logic;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What follows a JSON value a reader has just read: a text that is one value (a ticket line, a
 * holiday year's file) has nothing after it but white space — a second value pasted on, or any
 * other text, is refused rather than left unread.
 */
public final class JsonTail {

    private JsonTail() {}

    /** Whether anything but white space follows where {@code p} stands (text that is not JSON counts). */
    public static boolean hasMore(JsonParser p) throws IOException {
        try {
            return p.nextToken() != null;
        } catch (JsonProcessingException notJson) {
            return true;
        }
    }
}
