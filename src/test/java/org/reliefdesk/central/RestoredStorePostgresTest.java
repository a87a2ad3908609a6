package org.reliefdesk.central;

import java.nio.file.Path;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link RestoredStoreContract} on PostgreSQL, when {@code RELIEFDESK_TEST_PG} names a test database. */
@EnabledIfEnvironmentVariable(named = "RELIEFDESK_TEST_PG", matches = "jdbc:postgresql:.+")
class RestoredStorePostgresTest extends RestoredStoreContract {

    @Override
    String freshDatabase(Path dir) throws Exception {
        return SyncPostgresTest.freshSchema();
    }
}
