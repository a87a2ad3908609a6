package org.reliefdesk.store;

import java.nio.file.Path;

import org.reliefdesk.logic.Worded;

/**
 * The local store was not opened for a reason the person can act on. It says which as a text key
 * and its arguments (the file or folder first); the workbench and the commands say it in the
 * reader's language. Nothing in the data directory was changed.
 */
public abstract class StoreOpenException extends StoreException implements Worded {

    private final transient Path path;

    protected StoreOpenException(String message, Path path, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The database file, or the data directory, that it is about. */
    public Path path() {
        return path;
    }

    /** The key of the text that says why and what to do (messages_*.properties). */
    @Override
    public abstract String messageKey();

    /** The text's arguments: the file or folder, then any the text adds. */
    @Override
    public Object[] messageArgs() {
        return new Object[] {path};
    }
}
