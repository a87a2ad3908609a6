package org.reliefdesk.central;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The sync contract against PostgreSQL, the production database. Runs when
 * {@code RELIEFDESK_TEST_PG} holds a JDBC URL (with user and password) of a database the tests
 * may create schemas in — {@code .ci/run} starts one; elsewhere JUnit reports these tests as skipped.
 */
@EnabledIfEnvironmentVariable(named = "RELIEFDESK_TEST_PG", matches = "jdbc:postgresql:.+")
class SyncPostgresTest extends SyncContract {

    /** The schemas this JVM made, dropped when it exits. */
    private static final List<String> MADE = new ArrayList<>();

    @Override
    String freshDatabase(Path dir) throws Exception {
        return freshSchema();
    }

    /**
     * A new schema in the test database, for one test; dropped when the JVM exits (a test run
     * made ~30 and a developer's database held 592 of them, 1.1 GB, before they were).
     */
    static String freshSchema() throws Exception {
        String url = System.getenv("RELIEFDESK_TEST_PG");
        String schema = "t_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        synchronized (MADE) {
            if (MADE.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> dropMade(url), "drop-test-schemas"));
            }
            MADE.add(schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schemas made; one still locked (a store left open mid-transaction) is left, not waited for. */
    private static void dropMade(String url) {
        List<String> schemas;
        synchronized (MADE) {
            schemas = List.copyOf(MADE);
        }
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '2s'");
            for (String schema : schemas) {
                try {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (SQLException locked) {
                    // left for the next clean database; the run's result does not depend on it
                }
            }
        } catch (SQLException unreachable) {
            // the database went first: nothing to drop from
        }
    }
}
