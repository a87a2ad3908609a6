package org.reliefdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema 12 of the local store: a ticket's forms in one row ({@link TicketForms}) instead of one
 * row per event. Every form is copied, untouched, before the old table goes, in one transaction.
 * In Java, not SQL, so the stored text is made by the same code that writes it from now on.
 */
final class TicketFormsMigration implements JavaMigration {

    private static final int BATCH = 500;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12");
    }

    @Override
    public String getDescription() {
        return "a ticket's forms in one row";
    }

    @Override
    public Integer getChecksum() {
        return 12_001; // changes only if this migration is ever changed (it must not be)
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ticket_form ("
                    + " ticket_id UUID NOT NULL PRIMARY KEY,"
                    + " forms CHARACTER LARGE OBJECT NOT NULL,"
                    + " CONSTRAINT fk_form_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id))");
        }
        try (PreparedStatement read = c.prepareStatement("SELECT e.ticket_id, e.id, f.form_data FROM ticket_event e"
                        + " JOIN ticket_event_form f ON f.event_id = e.id ORDER BY e.ticket_id, e.seq");
                PreparedStatement write =
                        c.prepareStatement("INSERT INTO ticket_form (ticket_id, forms) VALUES (?, ?)")) {
            UUID ticket = null;
            Map<UUID, String> forms = new LinkedHashMap<>();
            int pending = 0;
            try (ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    if (!id.equals(ticket)) {
                        pending += keep(write, ticket, forms);
                        ticket = id;
                        forms.clear();
                    }
                    forms.put(r.getObject(2, UUID.class), r.getString(3));
                    if (pending >= BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            keep(write, ticket, forms);
            write.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE ticket_event_form");
        }
    }

    private static int keep(PreparedStatement write, UUID ticket, Map<UUID, String> forms) throws SQLException {
        if (ticket == null) {
            return 0;
        }
        write.setObject(1, ticket);
        write.setString(2, TicketForms.ofTexts(forms));
        write.addBatch();
        return 1;
    }
}
