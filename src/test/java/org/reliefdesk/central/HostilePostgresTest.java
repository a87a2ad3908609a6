package org.reliefdesk.central;

import java.nio.file.Path;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The hostile-client suite against PostgreSQL (RELIEFDESK_TEST_PG; .ci/run starts one). */
@EnabledIfEnvironmentVariable(named = "RELIEFDESK_TEST_PG", matches = "jdbc:postgresql:.+")
class HostilePostgresTest extends HostileContract {

    @Override
    String freshDatabase(Path dir) throws Exception {
        return SyncPostgresTest.freshSchema();
    }
}
