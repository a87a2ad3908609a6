package org.reliefdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Schema 12 of the local store: a ticket's forms in one row ({@link TicketForms}) instead of one
 * row per event. Every form is copied, untouched, before the old table goes.
 */
final class TicketFormsMigration extends PerTicketMigration<Map.Entry<UUID, String>> {

    TicketFormsMigration() {
        super(12, "a ticket's forms in one row");
    }

    @Override
    void before(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ticket_form ("
                    + " ticket_id UUID NOT NULL PRIMARY KEY,"
                    + " forms CHARACTER LARGE OBJECT NOT NULL,"
                    + " CONSTRAINT fk_form_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id))");
        }
    }

    @Override
    PreparedStatement read(Connection c) throws SQLException {
        return c.prepareStatement("SELECT e.ticket_id, e.id, f.form_data FROM ticket_event e"
                + " JOIN ticket_event_form f ON f.event_id = e.id ORDER BY e.ticket_id, e.seq");
    }

    @Override
    String write() {
        return "INSERT INTO ticket_form (ticket_id, forms) VALUES (?, ?)";
    }

    @Override
    Map.Entry<UUID, String> row(ResultSet r) throws SQLException {
        return Map.entry(r.getObject(2, UUID.class), r.getString(3));
    }

    @Override
    void bind(PreparedStatement write, UUID ticket, List<Map.Entry<UUID, String>> forms) throws SQLException {
        Map<UUID, String> byEvent = new LinkedHashMap<>();
        forms.forEach(f -> byEvent.put(f.getKey(), f.getValue()));
        write.setObject(1, ticket);
        write.setString(2, TicketForms.ofTexts(byEvent));
    }

    @Override
    void after(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE ticket_event_form");
        }
    }
}
