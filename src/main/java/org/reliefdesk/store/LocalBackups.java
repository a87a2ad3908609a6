package org.reliefdesk.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.h2.api.ErrorCode;
import org.reliefdesk.logic.FileTroubleException;
import org.reliefdesk.model.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of a PC's local data: one zip holding a consistent copy of the database (H2's
 * {@code BACKUP TO}, taken while the store is open and in use) and every attachment file. The
 * newest {@code keep} backups stay in the backup folder; older ones are deleted. A restore puts
 * the database and the attachments of a backup in place and keeps what it replaces beside it.
 */
public final class LocalBackups {
    /** How many backups are kept unless told otherwise: two weeks of daily ones. */
    public static final int DEFAULT_KEEP = 14;

    static final String PREFIX = "reliefdesk-backup-";

    private static final Logger LOG = LoggerFactory.getLogger(LocalBackups.class);
    private static final String DB_ENTRY = "db.zip";
    private static final String ATTACHMENTS = "attachments/";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private LocalBackups() {}

    /** The backup folder of a data directory unless one is chosen: {@code <data dir>/backups}. */
    public static Path defaultFolder(Path dataDir) {
        return dataDir.resolve("backups");
    }

    /** Backups in a folder, newest first. */
    public static List<Path> list(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*.zip")) {
            files.forEach(found::add);
        }
        found.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return found;
    }

    /**
     * Writes a backup of the open store into {@code folder} and deletes all but the newest {@code keep}.
     *
     * @return the new backup
     */
    public static Path backup(LocalStore store, Path folder, int keep, Clock clock) throws IOException {
        try {
            return backupInto(store, folder, keep, clock);
        } catch (IOException e) {
            throw FileTroubleException.of(folder, e); // said of the folder, not of the part file in it
        }
    }

    private static Path backupInto(LocalStore store, Path folder, int keep, Clock clock) throws IOException {
        Files.createDirectories(folder);
        String name = PREFIX + STAMP.format(clock.instant().atZone(ChinaTime.ZONE)) + ".zip";
        Path target = folder.resolve(name);
        Path part = folder.resolve(name + ".part");
        Path dbCopy = Files.createTempFile(folder, "db-", ".zip");
        Files.delete(dbCopy);
        try {
            // BACKUP TO copies the database as of one moment, while others keep writing.
            try (Connection c = store.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
                ps.setString(1, dbCopy.toAbsolutePath().toString());
                ps.execute();
            } catch (SQLException e) {
                throw new IOException("the database could not be copied: " + e.getMessage(), e);
            }
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part))) {
                zip.putNextEntry(new ZipEntry(DB_ENTRY));
                Files.copy(dbCopy, zip);
                zip.closeEntry();
                Path attachments = store.dataDir().resolve("attachments");
                if (Files.isDirectory(attachments)) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(attachments)) {
                        for (Path f : files) {
                            if (Files.isRegularFile(f)) {
                                zip.putNextEntry(new ZipEntry(ATTACHMENTS + f.getFileName()));
                                Files.copy(f, zip);
                                zip.closeEntry();
                            }
                        }
                    }
                }
            }
            // Complete or not there at all: a power cut mid-way leaves only a .part file.
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(dbCopy);
            Files.deleteIfExists(part);
        }
        List<Path> all = list(folder);
        for (Path old : all.subList(Math.min(all.size(), Math.max(1, keep)), all.size())) {
            Files.deleteIfExists(old);
            LOG.info("Old backup {} deleted (keeping {})", old.getFileName(), keep);
        }
        LOG.info("Backup written: {} ({} bytes)", target, Files.size(target));
        return target;
    }

    /**
     * Whether another program has the data directory's database open (H2 locks it): a restore
     * must not pull the files from under a running workbench.
     */
    public static boolean inUse(Path dataDir) {
        Path file = dataDir.resolve("db").resolve("reliefdesk.mv.db");
        if (!Files.exists(file)) {
            return false;
        }
        String url =
                "jdbc:h2:file:" + dataDir.resolve("db").resolve("reliefdesk").toAbsolutePath() + ";IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            return false;
        } catch (SQLException e) {
            return e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1;
        }
    }

    /** The newest backup in a folder, if any. */
    public static Optional<Path> newest(Path folder) throws IOException {
        return list(folder).stream().findFirst();
    }

    /**
     * Puts a backup's database and attachments into {@code dataDir}. The store must be closed (no
     * program may have it open). The database it replaces is kept as {@code db.before-restore-<time>};
     * attachments are added (files are named by their content, so none is overwritten by another).
     *
     * @return where the replaced database was kept, if there was one
     */
    public static Optional<Path> restore(Path backup, Path dataDir, Clock clock) throws IOException {
        if (!Files.isRegularFile(backup)) {
            throw new IOException("no backup file " + backup);
        }
        Files.createDirectories(dataDir);
        Path staging = Files.createTempDirectory(dataDir, "restore-");
        boolean sawDb = false;
        try {
            Path attachments = dataDir.resolve("attachments");
            Files.createDirectories(attachments);
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null) {
                    String name = e.getName();
                    if (DB_ENTRY.equals(name)) {
                        unzipDb(zip, staging.resolve("db"));
                        sawDb = true;
                    } else if (name.startsWith(ATTACHMENTS)
                            && !name.contains("..")
                            && name.length() > ATTACHMENTS.length()) {
                        Path f = attachments.resolve(name.substring(ATTACHMENTS.length()));
                        if (!Files.exists(f)) {
                            Files.copy(zip, f);
                        }
                    }
                }
            }
            if (!sawDb) {
                throw new IOException(backup + " is not a ReliefDesk backup (it holds no database)");
            }
            Path db = dataDir.resolve("db");
            Optional<Path> kept = Optional.empty();
            if (Files.exists(db)) {
                Path aside = dataDir.resolve(
                        "db.before-restore-" + STAMP.format(clock.instant().atZone(ChinaTime.ZONE)));
                Files.move(db, aside);
                kept = Optional.of(aside);
            }
            Files.move(staging.resolve("db"), db);
            LOG.info("Restored {} into {}; the replaced database is kept at {}", backup, dataDir, kept.orElse(null));
            return kept;
        } finally {
            deleteTree(staging);
        }
    }

    /** BACKUP TO writes a zip of the database directory's files. */
    private static void unzipDb(InputStream in, Path dbDir) throws IOException {
        Files.createDirectories(dbDir);
        ZipInputStream inner = new ZipInputStream(new FilterInputStream(in) {
            @Override
            public void close() {
                // the outer zip goes on
            }
        });
        ZipEntry e;
        while ((e = inner.getNextEntry()) != null) {
            Path f = dbDir.resolve(Path.of(e.getName()).getFileName().toString());
            try (OutputStream out = Files.newOutputStream(f)) {
                inner.transferTo(out);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
