package org.reliefdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.engine.Constants;
import org.h2.mvstore.MVStoreException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local H2 file database in a data directory: Flyway brings the schema up to date,
 * then Hibernate validates its mapping against it. One instance per data directory.
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
    private final SessionFactory sessionFactory;

    private LocalStore(Path dataDir, HikariDataSource dataSource, SessionFactory sessionFactory) {
        this.dataDir = dataDir;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
    }

    /** Opens (creating if needed) the store under {@code dataDir/db}. */
    public static LocalStore open(Path dataDir) {
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
        HikariDataSource ds = null;
        try {
            Files.createDirectories(dbDir);
            HikariConfig config = new HikariConfig();
            // QUERY_CACHE_SIZE=0: H2 keeps the last result of each statement it caches, to answer a
            // repeat; after a county's bulk read that held every ticket row on the heap (~90 MB).
            // (LAZY_QUERY_EXECUTION would avoid it too, but a lazy read failed with "chunk not
            // found" while H2 compacted the file underneath it.)
            config.setJdbcUrl("jdbc:h2:file:" + dbDir.resolve("reliefdesk").toAbsolutePath()
                    + ";CACHE_SIZE=8192;QUERY_CACHE_SIZE=0");
            config.setUsername("sa");
            config.setPassword("");
            config.setMaximumPoolSize(4);
            config.setPoolName("reliefdesk-local");
            ds = new HikariDataSource(config);
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/local")
                    .javaMigrations(new StepMovesMigration())
                    .load()
                    .migrate();
            Configuration cfg = new Configuration()
                    .addAnnotatedClass(TicketEntity.class)
                    .addAnnotatedClass(TicketEventEntity.class)
                    .addAnnotatedClass(UserEntity.class)
                    .addAnnotatedClass(TicketEventFormEntity.class);
            cfg.getProperties().put(AvailableSettings.DATASOURCE, ds);
            cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
            cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, String.valueOf(BATCH_SIZE));
            cfg.setProperty(AvailableSettings.ORDER_INSERTS, "true");
            cfg.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
            SessionFactory sf = cfg.buildSessionFactory();
            LOG.info("Local store opened at {}", dbDir.toAbsolutePath());
            return new LocalStore(dataDir, ds, sf);
        } catch (Exception e) {
            if (ds != null) {
                ds.close();
            }
            if (writtenByAnotherH2(e)) {
                throw new IncompatibleDatabaseException(file, e);
            }
            if (diskFull(e)) {
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
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
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

    /** "Database may be already in use": another program has it open, the file is fine. */
    private static boolean lockedByAnother(Throwable t) {
        String m = String.valueOf(t.getMessage());
        return m.contains("locked") || m.contains("already in use");
    }

    private static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("There is not enough space on the disk")) {
                return true;
            }
        }
        return false;
    }

    /** H2's "unsupported database file version" (90048), wherever it sits in the chain. */
    private static boolean writtenByAnotherH2(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
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

    /** Runs {@code work} in one transaction: all of it is written, or none. */
    <T> T inTransaction(Function<Session, T> work) {
        try (Session session = sessionFactory.openSession()) {
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
        try (StatelessSession session = sessionFactory.openStatelessSession()) {
            return work.apply(session);
        }
    }

    <T> T read(Function<Session, T> work) {
        try (Session session = sessionFactory.openSession()) {
            session.setDefaultReadOnly(true);
            return work.apply(session);
        }
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }
}
