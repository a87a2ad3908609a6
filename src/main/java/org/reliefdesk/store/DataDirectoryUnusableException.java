package org.reliefdesk.store;

import java.nio.file.Path;

/**
 * The data directory cannot hold a database: its path names a file, or this program may not
 * make folders there. Nothing was written.
 */
public class DataDirectoryUnusableException extends StoreOpenException {

    public DataDirectoryUnusableException(Path dir, Throwable cause) {
        super("The data directory " + dir + " cannot be used: not a folder, or not writable.", dir, cause);
    }

    @Override
    public String messageKey() {
        return "startup.dataDirUnusable";
    }
}
