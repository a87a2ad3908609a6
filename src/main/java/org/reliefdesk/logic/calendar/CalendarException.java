package org.reliefdesk.logic.calendar;

/** A holiday file cannot be used; the message names the file and the entry. */
public class CalendarException extends RuntimeException {

    public CalendarException(String message) {
        super(message);
    }

    public CalendarException(String message, Throwable cause) {
        super(message, cause);
    }
}
