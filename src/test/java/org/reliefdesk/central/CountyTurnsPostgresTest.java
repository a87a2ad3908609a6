package org.reliefdesk.central;

import java.nio.file.Path;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** County turns on PostgreSQL, the production database ({@code RELIEFDESK_TEST_PG}, as {@link SyncPostgresTest}). */
@EnabledIfEnvironmentVariable(named = "RELIEFDESK_TEST_PG", matches = "jdbc:postgresql:.+")
class CountyTurnsPostgresTest extends CountyTurnsContract {

    @Override
    String freshDatabase(Path dir) throws Exception {
        return SyncPostgresTest.freshSchema();
    }
}
