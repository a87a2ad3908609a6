package org.reliefdesk.logic.calendar;

import org.reliefdesk.model.InvalidFieldException;

/**
 * A holiday file cannot be used. Its rule is a message key ({@code rule.calendar.*}) with the
 * entry's place and values as arguments, said in the reader's language where it is shown (a
 * PC's window, or through the central store's answer); the file's name is kept for the log.
 */
public class CalendarException extends InvalidFieldException {

    private final String file;

    public CalendarException(String file, String rule, Object... args) {
        super("calendar", rule, args);
        this.file = file;
    }

    /** The file's name as its reader gave it (only for the log). */
    public String file() {
        return file;
    }

    @Override
    public String getMessage() {
        return file + ": " + rule() + (args().isEmpty() ? "" : " " + args());
    }
}
