package org.reliefdesk.central;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.logic.sync.OperationCodec;
import org.reliefdesk.model.TicketHistory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central schema 10 keeps a ticket's line as its UTF-8 bytes. A store of schema 9 (lines as text)
 * keeps every line exactly, on H2 and on PostgreSQL: characters outside the basic plane, and the
 * backslashes of JSON's escapes, which PostgreSQL would read as its own if the text were cast.
 */
class TicketLinesMigrationTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();

    @TempDir
    Path dir;

    @Test
    void linesOfSchemaNineAreServedByteForByteOnH2() throws Exception {
        linesSurvive("jdbc:h2:file:" + dir.resolve("central").toAbsolutePath(), "sa", "");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "RELIEFDESK_TEST_PG", matches = "jdbc:postgresql:.+")
    void linesOfSchemaNineAreServedByteForByteOnPostgres() throws Exception {
        linesSurvive(SyncPostgresTest.freshSchema(), null, null);
    }

    private void linesSurvive(String url, String user, String password) throws Exception {
        TicketHistory h = new SampleGenerator(CATALOG)
                .generate(SampleGenerator.DEFAULT_SEED, Instant.parse("2026-11-30T02:00:00Z"), 1)
                .get(0);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(new TicketLineCodec(CATALOG).write(h));
        ((ObjectNode) tree.get("applicant")).put("name", "李𠀾䶮");
        ((ObjectNode) tree.get("events").get(0)).put("note", "他说：\"水管坏了\"\n\\第二行\\x41 \\000 𠀾");
        String line = json.writeValueAsString(tree);
        assertTrue(line.contains("\\\\x41"), "the line holds JSON's escapes: " + line);

        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/central")
                .javaMigrations(new PasswordKeysMigration())
                .target("9")
                .load()
                .migrate();
        try (Connection c = user == null
                        ? DriverManager.getConnection(url)
                        : DriverManager.getConnection(url, user, password);
                PreparedStatement ps = c.prepareStatement("INSERT INTO central_ticket (id, ticket_no, item_code,"
                        + " county_code, township_code, last_seq, change_no, changed_at, body)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
            ps.setObject(1, h.ticket().id());
            ps.setString(2, h.ticket().ticketNo());
            ps.setString(3, h.ticket().itemCode());
            ps.setString(4, h.ticket().county().code());
            ps.setString(5, h.ticket().township().code());
            ps.setInt(6, h.events().size());
            ps.setTimestamp(7, Timestamp.from(Instant.now()));
            ps.setString(8, line);
            ps.executeUpdate();
        }

        try (CentralStore central = CentralStore.open(url, CATALOG, Clock.systemUTC())) {
            TicketScope county = new TicketScope(h.ticket().county().code(), null, null);
            ServedPage page = central.tickets().page(county, 0, 10, false, false);
            assertEquals(1, page.changes().size());
            assertEquals(line, page.asPullPage().changes().get(0).ticket(), "the line as a PC reads it");
            String asObjects = new String(
                    TicketsAsObjects.objects(OperationCodec.json()).writeValueAsBytes(page), StandardCharsets.UTF_8);
            assertTrue(asObjects.contains("{\"changeNo\":1,\"ticket\":" + line + "}"), asObjects);
            assertEquals(
                    line,
                    central.database()
                            .inTransaction(
                                    c -> central.tickets().line(c, h.ticket().id()))
                            .orElseThrow(),
                    "the line as the store reads it back");
        }
    }
}
