package org.reliefdesk.store;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A local database file that is empty, cut short or overwritten is reported as damaged (the file
 * named), never opened over nor made anew (changes waiting to be pushed may be in it), and a
 * backup brings the data back.
 */
class DamagedStoreTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("db/reliefdesk.mv.db");
    }

    @Test
    void anEmptyFileIsNotRecreated() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            TestData.insert(store, TestData.newWaterTicket("530128202111200001"));
        }
        Files.write(file(), new byte[0]);
        DamagedDatabaseException e = assertThrows(DamagedDatabaseException.class, () -> LocalStore.open(dir));
        assertEquals(file().toAbsolutePath(), e.path());
        assertFalse(e.diskFull());
        assertEquals(0, Files.size(file()), "the empty file is left as it was, not made a new database");
    }

    @Test
    void aFileCutShortOrOverwrittenIsDamagedAndLeftAsItIs() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            TestData.insert(store, TestData.newWaterTicket("530128202111200001"));
        }
        byte[] whole = Files.readAllBytes(file());
        byte[] garbage = new byte[whole.length];
        new Random(3).nextBytes(garbage);
        Files.write(file(), garbage);
        assertThrows(DamagedDatabaseException.class, () -> LocalStore.open(dir));
        assertArrayEquals(garbage, Files.readAllBytes(file()), "not written to");

        Files.write(file(), Arrays.copyOf(whole, 3000));
        assertThrows(DamagedDatabaseException.class, () -> LocalStore.open(dir));
        assertEquals(3000, Files.size(file()));
    }

    /**
     * A file another program holds (the workbench open, a command running) is in use, not damaged:
     * said as such, and once it is let go the store opens with everything in it.
     */
    @Test
    void aFileAnotherProgramHoldsIsInUseNotDamaged() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            TestData.insert(store, TestData.newWaterTicket("530128202111200001"));
        }
        byte[] before = Files.readAllBytes(file());
        try (FileChannel channel = FileChannel.open(file(), StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            DatabaseInUseException e = assertThrows(DatabaseInUseException.class, () -> LocalStore.open(dir));
            assertEquals(file().toAbsolutePath(), e.path());
            assertEquals("startup.inUse", e.messageKey());
        }
        assertArrayEquals(before, Files.readAllBytes(file()), "not written to");
        try (LocalStore store = LocalStore.open(dir)) {
            assertEquals(1, store.tickets().count());
        }
    }

    @Test
    void aBackupRestoresADamagedStore() throws Exception {
        Path backups = dir.resolve("backups");
        Path backup;
        try (LocalStore store = LocalStore.open(dir)) {
            TestData.insert(store, TestData.newWaterTicket("530128202111200001"));
            backup = LocalBackups.backup(store, backups, 14, Clock.systemUTC());
        }
        Files.write(file(), new byte[0]);
        assertThrows(DamagedDatabaseException.class, () -> LocalStore.open(dir));
        LocalBackups.restore(backup, dir, Clock.systemUTC());
        try (LocalStore store = LocalStore.open(dir)) {
            assertEquals(1, store.tickets().count());
        }
    }
}
