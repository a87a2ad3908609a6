package org.reliefdesk.central;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The sync contract against PostgreSQL, the production database. Runs when
 * {@code RELIEFDESK_TEST_PG} holds a JDBC URL (with user and password) of a database the tests
 * may create schemas in — {@code .ci/run} starts one; elsewhere JUnit reports these tests as skipped.
 */
@EnabledIfEnvironmentVariable(named = "RELIEFDESK_TEST_PG", matches = "jdbc:postgresql:.+")
class SyncPostgresTest extends SyncContract {

    @Override
    String freshDatabase(Path dir) throws Exception {
        return freshSchema();
    }

    /** A new schema in the test database, for one test. */
    static String freshSchema() throws Exception {
        String url = System.getenv("RELIEFDESK_TEST_PG");
        String schema = "t_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
