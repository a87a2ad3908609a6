package org.reliefdesk.store;

import java.nio.file.Path;

/**
 * Another program holds the local database file's lock: the workbench open on the same data
 * directory (a second start by a double click), or a command still importing or syncing. H2 opens
 * a file for one program at a time; the file is left as it is.
 */
public class DatabaseInUseException extends StoreOpenException {

    public DatabaseInUseException(Path file, Throwable cause) {
        super("The local database " + file + " is in use by another program; it was not changed.", file, cause);
    }

    @Override
    public String messageKey() {
        return "startup.inUse";
    }
}
