package org.reliefdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A local-store migration in Java that reads rows in ticket order (the ticket's id first) and
 * writes one row per ticket from them, in batches, in one transaction. In Java, not SQL, so the
 * text it stores is made by the same code that writes it from then on.
 *
 * @param <T> what one read row gives
 */
abstract class PerTicketMigration<T> implements JavaMigration {

    private static final int BATCH = 500;

    private final int version;
    private final String description;

    PerTicketMigration(int version, String description) {
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

    /** {@code version}001: changes only if a migration is ever changed (it must not be). */
    @Override
    public final Integer getChecksum() {
        return version * 1000 + 1;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public final void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        before(c);
        try (PreparedStatement read = read(c);
                PreparedStatement write = c.prepareStatement(write())) {
            UUID ticket = null;
            List<T> rows = new ArrayList<>();
            int pending = 0;
            try (ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    if (!id.equals(ticket)) {
                        pending += keep(write, ticket, rows);
                        ticket = id;
                        rows.clear();
                    }
                    rows.add(row(r));
                    if (pending >= BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            keep(write, ticket, rows);
            write.executeBatch();
        }
        after(c);
    }

    /** What changes before the rows are read (a new column or table). */
    abstract void before(Connection c) throws SQLException;

    /** The rows to read, ordered by ticket, the ticket's id first. */
    abstract PreparedStatement read(Connection c) throws SQLException;

    /** The statement that writes one ticket's row. */
    abstract String write();

    abstract T row(ResultSet r) throws SQLException;

    /** Binds {@link #write()} for one ticket from its rows, in order. */
    abstract void bind(PreparedStatement write, UUID ticket, List<T> rows) throws SQLException;

    /** What changes once every ticket's row is written. */
    void after(Connection c) throws SQLException {}

    private int keep(PreparedStatement write, UUID ticket, List<T> rows) throws SQLException {
        if (ticket == null) {
            return 0;
        }
        bind(write, ticket, rows);
        write.addBatch();
        return 1;
    }
}
