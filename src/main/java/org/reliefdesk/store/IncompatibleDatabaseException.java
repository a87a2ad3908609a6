package org.reliefdesk.store;

import java.nio.file.Path;

/**
 * The local database file was written by another H2 version than the pinned one (H2's file
 * format changes between versions). Nothing was changed in it; the way across is an export with
 * the H2 version that wrote it and an import with ours (README, "Upgrades and the database version").
 */
public class IncompatibleDatabaseException extends StoreOpenException {

    public IncompatibleDatabaseException(Path file, Throwable cause) {
        super(
                "The local database " + file + " was written by another H2 version than " + LocalStore.H2_VERSION
                        + " and cannot be opened; it was not changed. See the README, \"Upgrades and the database version\".",
                file,
                cause);
    }

    @Override
    public String messageKey() {
        return "startup.otherH2";
    }

    @Override
    public Object[] messageArgs() {
        return new Object[] {path(), LocalStore.H2_VERSION};
    }
}
