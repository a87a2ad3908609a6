package org.reliefdesk.central;

import java.nio.file.Path;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link AnotherStoreContract} on PostgreSQL, when {@code RELIEFDESK_TEST_PG} names a test database. */
@EnabledIfEnvironmentVariable(named = "RELIEFDESK_TEST_PG", matches = "jdbc:postgresql:.+")
class AnotherStorePostgresTest extends AnotherStoreContract {

    @Override
    String freshDatabase(Path dir) throws Exception {
        return SyncPostgresTest.freshSchema();
    }
}
