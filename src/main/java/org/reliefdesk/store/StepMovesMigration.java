package org.reliefdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.reliefdesk.model.TicketEvent;

/**
 * Schema 9 of the local store: each ticket row keeps its step movements ({@link StepMoves}),
 * filled from the histories already stored. In Java, not SQL, so the stored text is made by the
 * same code that writes it from now on.
 */
final class StepMovesMigration implements JavaMigration {

    private static final int BATCH = 500;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("9");
    }

    @Override
    public String getDescription() {
        return "step movements on the ticket row";
    }

    @Override
    public Integer getChecksum() {
        return 9_001; // changes only if this migration is ever changed (it must not be)
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE ticket ADD COLUMN moves CHARACTER VARYING(" + StepMoves.LONGEST + ")");
            // a ticket without movements keeps an empty text: known to have none
            s.execute("UPDATE ticket SET moves = ''");
        }
        try (PreparedStatement read = c.prepareStatement("SELECT ticket_id, seq, action, to_step, at FROM ticket_event"
                        + " WHERE to_step IS NOT NULL OR action = ? ORDER BY ticket_id, seq");
                PreparedStatement write = c.prepareStatement("UPDATE ticket SET moves = ? WHERE id = ?")) {
            read.setString(1, TicketEvent.DISPATCH);
            UUID ticket = null;
            List<TicketEvent> moves = new ArrayList<>();
            int pending = 0;
            try (ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    if (!id.equals(ticket)) {
                        pending += keep(write, ticket, moves);
                        ticket = id;
                        moves.clear();
                    }
                    moves.add(new TicketEvent(
                            null,
                            id,
                            r.getInt(2),
                            null,
                            r.getObject(5, OffsetDateTime.class).toInstant(),
                            r.getString(3),
                            null,
                            r.getString(4),
                            null,
                            Map.of(),
                            null));
                    if (pending >= BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            keep(write, ticket, moves);
            write.executeBatch();
        }
    }

    private static int keep(PreparedStatement write, UUID ticket, List<TicketEvent> moves) throws SQLException {
        if (ticket == null) {
            return 0;
        }
        write.setString(1, StepMoves.of(moves));
        write.setObject(2, ticket);
        write.addBatch();
        return 1;
    }
}
