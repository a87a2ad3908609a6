package org.reliefdesk.central;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A central-store migration in Java, for what SQL cannot say alike on H2 and PostgreSQL; run in
 * the migration's transaction. Its checksum is its version: it changes only if a migration is
 * ever changed (it must not be), and stays what stores of earlier releases recorded.
 */
abstract class CentralJavaMigration implements JavaMigration {

    private final int version;
    private final String description;

    CentralJavaMigration(int version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(String.valueOf(version));
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return version;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
