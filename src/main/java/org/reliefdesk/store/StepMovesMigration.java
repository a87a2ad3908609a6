package org.reliefdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.reliefdesk.model.TicketEvent;

/**
 * Schema 9 of the local store: each ticket row keeps its step movements ({@link StepMoves}),
 * filled from the histories already stored.
 */
final class StepMovesMigration extends PerTicketMigration<TicketEvent> {

    StepMovesMigration() {
        super(9, "step movements on the ticket row");
    }

    @Override
    void before(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE ticket ADD COLUMN moves CHARACTER VARYING(" + StepMoves.LONGEST + ")");
            // a ticket without movements keeps an empty text: known to have none
            s.execute("UPDATE ticket SET moves = ''");
        }
    }

    @Override
    PreparedStatement read(Connection c) throws SQLException {
        PreparedStatement read = c.prepareStatement("SELECT ticket_id, seq, action, to_step, at FROM ticket_event"
                + " WHERE to_step IS NOT NULL OR action = ? ORDER BY ticket_id, seq");
        read.setString(1, TicketEvent.DISPATCH);
        return read;
    }

    @Override
    String write() {
        return "UPDATE ticket SET moves = ? WHERE id = ?";
    }

    @Override
    TicketEvent row(ResultSet r) throws SQLException {
        return new TicketEvent(
                null,
                r.getObject(1, UUID.class),
                r.getInt(2),
                null,
                r.getObject(5, OffsetDateTime.class).toInstant(),
                r.getString(3),
                null,
                r.getString(4),
                null,
                Map.of(),
                null);
    }

    @Override
    void bind(PreparedStatement write, UUID ticket, List<TicketEvent> moves) throws SQLException {
        write.setString(1, StepMoves.of(moves));
        write.setObject(2, ticket);
    }
}
