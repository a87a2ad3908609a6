package org.reliefdesk.central;

import java.nio.file.Path;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** 转派 through the central store on PostgreSQL (run by {@code .ci/run}; see {@link SyncPostgresTest}). */
@EnabledIfEnvironmentVariable(named = "RELIEFDESK_TEST_PG", matches = "jdbc:postgresql:.+")
class MisdispatchSyncPostgresTest extends MisdispatchSyncContract {

    @Override
    String freshDatabase(Path dir) throws Exception {
        return SyncPostgresTest.freshSchema();
    }
}
