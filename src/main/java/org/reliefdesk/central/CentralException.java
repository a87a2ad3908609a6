package org.reliefdesk.central;

/** The central store could not do what was asked for a reason outside the request (database, disk). */
public class CentralException extends RuntimeException {

    public CentralException(String message) {
        super(message);
    }

    public CentralException(String message, Throwable cause) {
        super(message, cause);
    }
}
