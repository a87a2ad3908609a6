package org.reliefdesk.central;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.Context;

/**
 * Central schema 10: a ticket's line ({@code central_ticket.body}) is kept as its UTF-8 bytes, not
 * as text. A pull page is those bytes one after another, so the store now copies them out as
 * they are; kept as text, each line was decoded into a string, hashed by H2's value cache and
 * encoded back to UTF-8 for every page served, a third of the store's CPU in a county's first
 * pull. In Java because the conversion is said differently on H2 (a cast is UTF-8) and on
 * PostgreSQL (a cast of text to {@code bytea} reads backslashes as escapes, which the JSON in a
 * line holds; {@code convert_to} does not). PostgreSQL rewrites the table meanwhile, once.
 */
final class TicketLinesAsBytesMigration extends CentralJavaMigration {

    TicketLinesAsBytesMigration() {
        super(10, "ticket lines as bytes");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        try (Statement s = c.createStatement()) {
            s.execute(
                    postgres
                            ? "ALTER TABLE central_ticket ALTER COLUMN body TYPE BYTEA USING convert_to(body, 'UTF8')"
                            : "ALTER TABLE central_ticket ALTER COLUMN body SET DATA TYPE VARBINARY");
        }
    }
}
