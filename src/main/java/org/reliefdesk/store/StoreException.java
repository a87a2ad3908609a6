package org.reliefdesk.store;

/** The local store cannot be opened or written; the message says which file and why. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
