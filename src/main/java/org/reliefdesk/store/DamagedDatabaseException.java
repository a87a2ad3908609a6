package org.reliefdesk.store;

import java.nio.file.Path;

/**
 * The local database file exists but cannot be read: empty, cut short or damaged (a full disk
 * or a power cut while writing). It is never opened over, nor made anew in its place — changes
 * not yet pushed may be in it. The way out is {@code backup restore} (README, "Backups").
 * {@link #diskFull()} says when the cause is a full disk, which a person can mend themselves.
 */
public class DamagedDatabaseException extends StoreOpenException {

    private final boolean diskFull;

    public DamagedDatabaseException(Path file, boolean diskFull, Throwable cause) {
        super(
                "The local database " + file
                        + (diskFull ? " cannot be written: the disk is full" : " is damaged or empty")
                        + "; it was not changed. Restore a backup (backup restore) or free disk space.",
                file,
                cause);
        this.diskFull = diskFull;
    }

    public boolean diskFull() {
        return diskFull;
    }

    @Override
    public String messageKey() {
        return diskFull ? "startup.diskFull" : "startup.damaged";
    }
}
