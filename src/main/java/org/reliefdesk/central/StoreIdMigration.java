package org.reliefdesk.central;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.api.migration.Context;

/**
 * Central schema 11: the store's id, a UUID made once with the database. Every pull page carries it
 * and a PC keeps it beside its cursor: a cursor is a change number of one store, and the PC pulls
 * its scope from the start when another store answers (docs/sync-protocol.md, "Which store").
 * {@code central renew-id} gives a store restored from a backup a new one. In Java so that H2
 * and PostgreSQL (before 13, without {@code gen_random_uuid}) make it alike.
 */
final class StoreIdMigration extends CentralJavaMigration {

    StoreIdMigration() {
        super(11, "store id");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            // one row: its key is always 1
            s.execute("CREATE TABLE central_store_id (one INTEGER NOT NULL PRIMARY KEY,"
                    + " store_id VARCHAR(36) NOT NULL, CONSTRAINT ck_central_store_id_one CHECK (one = 1))");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO central_store_id (one, store_id) VALUES (1, ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.executeUpdate();
        }
    }
}
