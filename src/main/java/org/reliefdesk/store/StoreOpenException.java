package org.reliefdesk.store;

/**
 * The local store was not opened for a reason the person can act on. It says which as a text key
 * and its arguments; the workbench and the commands say it in the reader's language. Nothing in
 * the data directory was changed.
 */
public abstract class StoreOpenException extends StoreException {

    protected StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The key of the text that says why and what to do (messages_*.properties). */
    public abstract String messageKey();

    /** The text's arguments: the file or folder first. */
    public abstract Object[] messageArgs();
}
