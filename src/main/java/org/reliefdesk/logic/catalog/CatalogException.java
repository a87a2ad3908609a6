package org.reliefdesk.logic.catalog;

/** The catalog file is unusable; the message names the file and the entry at fault. */
public class CatalogException extends RuntimeException {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
