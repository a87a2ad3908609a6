package org.reliefdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.engine.Constants;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.reliefdesk.logic.Causes;
import org.reliefdesk.logic.FileTrouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local H2 file database in a data directory: Flyway brings the schema up to date when it
 * opens; Hibernate's mapping is built, and validated against the schema, the first time a part
 * of the store needs it. An import and a sync go through plain JDBC and never need it: the mapping
 * costs about 2 s of a cold start (some 5,000 classes), more than a county's import itself.
 * One instance per data directory.
 */
public final class LocalStore implements AutoCloseable {
    /** The H2 version this program reads and writes (pinned in the pom: the file format changes between versions). */
    public static final String H2_VERSION = Constants.FULL_VERSION.split(" ")[0];

    static final int BATCH_SIZE = 200;

    /** H2 writes its file header twice, 4 KiB each: anything shorter is not a database. */
    static final long MIN_FILE_BYTES = 8192;

    private static final Logger LOG = LoggerFactory.getLogger(LocalStore.class);

    private final Path dataDir;
    private final HikariDataSource dataSource;
    private final Object mappingLock = new Object();
    private volatile SessionFactory sessionFactory;
    private boolean closed;

    private LocalStore(Path dataDir, HikariDataSource dataSource) {
        this.dataDir = dataDir;
        this.dataSource = dataSource;
    }

    /** Work on one JDBC connection (the store's plain-JDBC paths). */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    /**
     * How the store ends. H2 compacts the file when it closes, for up to 0.2 s (its
     * {@code MAX_COMPACT_TIME}): the workbench, closed once a day, keeps the file small that way. A
     * command ({@code import}, {@code sync}) ends at once and leaves the tidying to the workbench's
     * next close and to H2's compaction while it runs: a first pull of the sample county leaves a
     * file of 15.6 MB instead of 6.0 MB until then. The setting holds for one opening only.
     */
    public enum AtClose {
        COMPACT,
        QUICK
    }

    /**
     * The JDBC URL of the store under {@code dataDir/db}, with the settings it runs with (a
     * benchmark's raw floor writes through the same ones).
     */
    public static String jdbcUrl(Path dataDir, AtClose atClose) {
        // QUERY_CACHE_SIZE=0: H2 keeps the last result of each statement it caches, to answer a
        // repeat; after a county's bulk read that held every ticket row on the heap (~90 MB).
        // (LAZY_QUERY_EXECUTION would avoid it too, but a lazy read failed with "chunk not
        // found" while H2 compacted the file underneath it.)
        // MAX_LENGTH_INPLACE_LOB: a form (its texts at most 4,000 characters each) is kept in its
        // row rather than in H2's separate LOB maps, which took half the time of writing an
        // imported or pulled county's forms (a form of more than 256 bytes went there).
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("reliefdesk").toAbsolutePath()
                + ";CACHE_SIZE=8192;QUERY_CACHE_SIZE=0;MAX_LENGTH_INPLACE_LOB=16384"
                + (atClose == AtClose.QUICK ? ";MAX_COMPACT_TIME=0" : "");
    }

    /** Opens (creating if needed) the store under {@code dataDir/db}; it compacts the file when closed. */
    public static LocalStore open(Path dataDir) {
        return open(dataDir, AtClose.COMPACT);
    }

    /** Opens (creating if needed) the store under {@code dataDir/db}, to end as {@code atClose} says. */
    public static LocalStore open(Path dataDir, AtClose atClose) {
        Path dbDir = dataDir.resolve("db");
        Path file = dbDir.resolve("reliefdesk.mv.db").toAbsolutePath();
        // An existing file too short to hold even H2's two file headers is damaged (cut short by a
        // full disk, or emptied): H2 would make a new database over it, losing what waits to be pushed.
        boolean existed = Files.exists(file);
        try {
            if (existed && Files.size(file) < MIN_FILE_BYTES) {
                throw new DamagedDatabaseException(file, false, null);
            }
        } catch (IOException e) {
            throw new DamagedDatabaseException(file, false, e);
        }
        try {
            Files.createDirectories(dbDir);
        } catch (IOException | UnsupportedOperationException e) {
            // a file where a folder should be, or a folder this program may not write in
            throw new DataDirectoryUnusableException(dataDir.toAbsolutePath(), e);
        }
        HikariDataSource ds = null;
        try {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl(dataDir, atClose));
            config.setUsername("sa");
            config.setPassword("");
            config.setMaximumPoolSize(4);
            config.setPoolName("reliefdesk-local");
            ds = new HikariDataSource(config);
            Flyway.configure()
                    .dataSource(ds)
                    .resourceProvider(new ListedMigrations())
                    .javaMigrationClassProvider(List::of) // the Java migrations are handed over as they are
                    .javaMigrations(new StepMovesMigration(), new TicketFormsMigration())
                    .load()
                    .migrate();
            LOG.info("Local store opened at {}", dbDir.toAbsolutePath());
            return new LocalStore(dataDir, ds);
        } catch (Exception e) {
            if (ds != null) {
                ds.close();
            }
            if (inUse(e)) {
                throw new DatabaseInUseException(file, e);
            }
            if (writtenByAnotherH2(e)) {
                throw new IncompatibleDatabaseException(file, e);
            }
            if (FileTrouble.diskFull(e)) {
                throw new DamagedDatabaseException(file, true, e);
            }
            if (existed && damaged(e)) {
                throw new DamagedDatabaseException(file, false, e);
            }
            throw new StoreException(
                    "Cannot open the local store in " + dbDir.toAbsolutePath() + ": " + rootMessage(e), e);
        }
    }

    /** H2's "file corrupted" and kin, or a file it cannot read as a database. */
    private static boolean damaged(Throwable e) {
        for (Throwable t : Causes.of(e)) {
            if (t instanceof SQLException sql
                    && (sql.getErrorCode() == ErrorCode.FILE_CORRUPTED_1
                            || sql.getErrorCode() == ErrorCode.GENERAL_ERROR_1
                            || sql.getErrorCode() == ErrorCode.IO_EXCEPTION_2
                            || sql.getErrorCode() == ErrorCode.IO_EXCEPTION_1)) {
                return !lockedByAnother(t);
            }
            if (t instanceof MVStoreException) {
                return !lockedByAnother(t);
            }
        }
        return false;
    }

    /** H2's "database may be already in use" or MVStore's "the file is locked", wherever in the chain. */
    private static boolean inUse(Throwable e) {
        for (Throwable t : Causes.of(e)) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
            if (t instanceof MVStoreException mv && mv.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                return true;
            }
        }
        return false;
    }

    /** "Database may be already in use": another program has it open, the file is fine. */
    private static boolean lockedByAnother(Throwable t) {
        String m = String.valueOf(t.getMessage());
        return m.contains("locked") || m.contains("already in use");
    }

    /** H2's "unsupported database file version" (90048), wherever it sits in the chain. */
    private static boolean writtenByAnotherH2(Throwable e) {
        for (Throwable t : Causes.of(e)) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        List<Throwable> chain = Causes.of(e);
        return chain.get(chain.size() - 1).getMessage();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** For work outside Hibernate on the same database (the backup's BACKUP TO). */
    DataSource dataSource() {
        return dataSource;
    }

    public TicketStore tickets() {
        return new TicketStore(this);
    }

    public UserStore users() {
        return new UserStore(this);
    }

    public Outbox outbox() {
        return new Outbox(this);
    }

    /** Pulled tickets this PC could not take, with the reason. */
    public SetAside setAside() {
        return new SetAside(this);
    }

    /** The register of supervision notices and the letterhead they are issued under. */
    public NoticeBook notices() {
        return new NoticeBook(this);
    }

    /** Attachments pulled tickets name that this PC has not fetched yet, with when to ask again. */
    public MissingAttachments missingAttachments() {
        return new MissingAttachments(this);
    }

    /** The display names of the county's people, from the central store (to name who acted). */
    public People people() {
        return new People(this);
    }

    public SyncFacts syncFacts() {
        return new SyncFacts(this);
    }

    /**
     * Builds Hibernate's mapping now on a thread of its own, so that it is ready when the first
     * screen needs it (the workbench, while the sign-in list shows); the headless commands never
     * call this.
     */
    public void prepareMapping() {
        Thread t = new Thread(
                () -> {
                    try {
                        sessions();
                    } catch (RuntimeException e) {
                        // the first use builds it again and reports the failure where it happens
                        LOG.warn("Hibernate's mapping could not be built ahead", e);
                    }
                },
                "reliefdesk-mapping");
        t.setDaemon(true);
        t.start();
    }

    private SessionFactory sessions() {
        SessionFactory sf = sessionFactory;
        if (sf != null) {
            return sf;
        }
        synchronized (mappingLock) {
            if (closed) {
                throw new StoreException("The local store in " + dataDir + " is closed", null);
            }
            if (sessionFactory == null) {
                long start = System.nanoTime();
                Configuration cfg = new Configuration()
                        .addAnnotatedClass(TicketEntity.class)
                        .addAnnotatedClass(TicketEventEntity.class)
                        .addAnnotatedClass(UserEntity.class)
                        .addAnnotatedClass(TicketFormEntity.class);
                cfg.getProperties().put(AvailableSettings.DATASOURCE, dataSource);
                cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
                cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, String.valueOf(BATCH_SIZE));
                cfg.setProperty(AvailableSettings.ORDER_INSERTS, "true");
                cfg.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
                try {
                    sessionFactory = cfg.buildSessionFactory();
                } catch (RuntimeException e) {
                    throw new StoreException(
                            "The local store's mapping does not match its schema in " + dataDir + ": " + rootMessage(e),
                            e);
                }
                LOG.info("Hibernate's mapping built in {} ms", (System.nanoTime() - start) / 1_000_000);
            }
            return sessionFactory;
        }
    }

    /** Whether Hibernate's mapping has been built (the tests of the import and the pull: they never need it). */
    public boolean mappingBuilt() {
        return sessionFactory != null;
    }

    /** Runs {@code work} on one connection in one transaction: all of it is written, or none. */
    <T> T inJdbcTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("The local store refused a write: " + rootMessage(e), e);
        }
    }

    /** Reads on one connection with plain JDBC. */
    <T> T readJdbc(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("The local store could not be read: " + rootMessage(e), e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is written, or none. */
    <T> T inTransaction(Function<Session, T> work) {
        try (Session session = sessions().openSession()) {
            Transaction tx = session.beginTransaction();
            try {
                T result = work.apply(session);
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
        }
    }

    /** Reads many rows at once without a persistence context (lists of a whole county). */
    <T> T readMany(Function<StatelessSession, T> work) {
        try (StatelessSession session = sessions().openStatelessSession()) {
            return work.apply(session);
        }
    }

    <T> T read(Function<Session, T> work) {
        try (Session session = sessions().openSession()) {
            session.setDefaultReadOnly(true);
            return work.apply(session);
        }
    }

    @Override
    public void close() {
        synchronized (mappingLock) {
            closed = true;
            if (sessionFactory != null) {
                sessionFactory.close();
            }
        }
        dataSource.close();
    }
}
