package org.reliefdesk.central;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central store's database: an H2 file by default, PostgreSQL in production (the JDBC URL
 * says which). Flyway brings the schema up to date on open; several central servers may open
 * the same PostgreSQL database at once (Flyway locks while it migrates).
 */
public final class CentralDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CentralDatabase.class);

    private final DataSource dataSource;

    private CentralDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A database already brought up to date, reached through {@code dataSource} (a test's, to see
     * what the store asks it); closing it closes the source only if the source can be closed.
     */
    static CentralDatabase over(DataSource dataSource) {
        return new CentralDatabase(dataSource);
    }

    /** @param jdbcUrl {@code jdbc:h2:file:...} or {@code jdbc:postgresql://host/db?user=..&password=..} */
    public static CentralDatabase open(String jdbcUrl) {
        return open(jdbcUrl, null);
    }

    /**
     * @param password the database password kept apart from the URL (from an environment variable
     *                 or a file: a command line is visible to every user of the machine); null when
     *                 the URL carries it or needs none
     */
    public static CentralDatabase open(String jdbcUrl, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            config.setUsername("sa");
            config.setPassword("");
            // H2 gives up on a row lock after 1 s by default: a county's writers queue on its counter
            config.setConnectionInitSql("SET LOCK_TIMEOUT 10000");
        } else if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(8);
        config.setPoolName("reliefdesk-central");
        config.setAutoCommit(false);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/central")
                    .javaMigrations(
                            new PasswordKeysMigration(), new TicketLinesAsBytesMigration(), new StoreIdMigration())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        LOG.info("Central store database ready at {}", safe(jdbcUrl));
        return new CentralDatabase(ds);
    }

    /** The URL without its password, for logs and messages. */
    public static String safe(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Work in one transaction: committed when {@code work} returns, rolled back when it throws. */
    <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new CentralException("database: " + e.getMessage(), e);
        }
    }

    /**
     * Work that only reads, each statement on its own (autocommit): it sees what was committed
     * when it began, as each statement of a READ COMMITTED transaction does, and no COMMIT follows.
     * On PostgreSQL every statement and every COMMIT is a round trip to another process, which
     * on a busy machine waits for a core each time; a request's reads are most of its round trips.
     */
    <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new CentralException("database: " + e.getMessage(), e);
        }
    }

    /**
     * Makes a row that must exist before a locking read ({@code INSERT … WHERE NOT EXISTS}), in a
     * transaction of its own: when two requests (on one server or several) make it at the same
     * moment, one wins and the other's failure is the row being there — so it is ignored, and the
     * caller's own transaction (which PostgreSQL would abort on the error) is never touched.
     */
    void makeRowOnce(SqlWork<?> insert) {
        try {
            inTransaction(insert);
        } catch (CentralException raced) {
            // made by another request at the same moment: it is there now
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @Override
    public void close() {
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new CentralException("closing the database: " + e.getMessage(), e);
            }
        }
    }
}
