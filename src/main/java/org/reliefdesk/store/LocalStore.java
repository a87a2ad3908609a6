package org.reliefdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(LocalStore.class);
    static final int BATCH_SIZE = 200;
    /** The H2 version this program reads and writes (pinned in the pom: the file format changes between versions). */
    public static final String H2_VERSION = org.h2.engine.Constants.FULL_VERSION.split(" ")[0];

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
        HikariDataSource ds = null;
        try {
            Files.createDirectories(dbDir);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:h2:file:" + dbDir.resolve("reliefdesk").toAbsolutePath());
            config.setUsername("sa");
            config.setPassword("");
            config.setMaximumPoolSize(4);
            config.setPoolName("reliefdesk-local");
            ds = new HikariDataSource(config);
            Flyway.configure().dataSource(ds).locations("classpath:db/local").load().migrate();
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
                throw new IncompatibleDatabaseException(dbDir.resolve("reliefdesk.mv.db").toAbsolutePath(), e);
            }
            throw new StoreException("Cannot open the local store in " + dbDir.toAbsolutePath() + ": "
                    + rootMessage(e), e);
        }
    }

    /** H2's "unsupported database file version" (90048), wherever it sits in the chain. */
    private static boolean writtenByAnotherH2(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == org.h2.api.ErrorCode.FILE_VERSION_ERROR_1) {
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
    javax.sql.DataSource dataSource() {
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
    <T> T readMany(Function<org.hibernate.StatelessSession, T> work) {
        try (org.hibernate.StatelessSession session = sessionFactory.openStatelessSession()) {
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
