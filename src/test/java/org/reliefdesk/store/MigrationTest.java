package org.reliefdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.sync.OperationCodec;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A store written by an earlier version keeps every ticket, event and form when it is upgraded. */
class MigrationTest {

    @TempDir
    Path dir;

    /** Schemas 1 and 2 kept forms in the event rows; both are released versions a PC may still have. */
    @ParameterizedTest(name = "from schema {0}")
    @ValueSource(strings = {"1", "2"})
    void formsWrittenUnderAnEarlierSchemaSurviveEveryMigrationSince(String schema) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/reliefdesk").toAbsolutePath();
        migrateTo(url, schema);
        UUID ticket = UUID.randomUUID();
        UUID submit = UUID.randomUUID();
        UUID accept = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement()
                    .execute("insert into ticket (id, ticket_no, item_code, county_code, county_name,"
                            + " township_code, township_name, village_code, village_name, applicant_name, applicant_id_number,"
                            + " applicant_phone, channel, submitted_at, dispatched_at, current_step, status, version) values ('"
                            + ticket
                            + "', '530128202111200001', 'drinking_water', '530128', '禄劝县', '530128001', '屏山街道',"
                            + " '530128001201', '大村村委会', '李四', '11010519491231002X', '13812345678', 'SELF_RAISED',"
                            + " TIMESTAMP WITH TIME ZONE '2021-11-20 09:00:00+08', TIMESTAMP WITH TIME ZONE '2021-11-20 09:10:00+08',"
                            + " 'verification', 'IN_PROGRESS', 1)");
            try (PreparedStatement e = c.prepareStatement("insert into ticket_event (id, ticket_id, seq, actor, at,"
                    + " action, from_step, to_step, note, form_data) values (?, ?, ?, ?, TIMESTAMP WITH TIME ZONE"
                    + " '2021-11-20 10:00:00+08', ?, ?, ?, ?, ?)")) {
                insert(
                        e,
                        submit,
                        ticket,
                        1,
                        "李四",
                        "submit",
                        null,
                        "acceptance",
                        null,
                        "{\"problem\":\"cut_off\",\"description\":\"停水三天\"}");
                insert(
                        e,
                        accept,
                        ticket,
                        2,
                        "water.clerk",
                        "accept",
                        "acceptance",
                        "verification",
                        "已受理",
                        "{\"station\":\"屏山水站\"}");
            }
        }

        try (LocalStore store = LocalStore.open(dir)) {
            List<TicketEvent> history = store.tickets().events(ticket);
            assertEquals(2, history.size());
            assertEquals(
                    Map.of("problem", "cut_off", "description", "停水三天"),
                    history.get(0).formData());
            assertEquals(Map.of("station", "屏山水站"), history.get(1).formData());
            assertEquals("已受理", history.get(1).note());
            // schema 12: the ticket's forms in one row, the table of a row per event gone
            assertEquals(
                    List.of(1L),
                    store.readJdbc(c ->
                            Sql.column(c, Long.class, "SELECT COUNT(*) FROM ticket_form WHERE ticket_id = ?", ticket)));
            assertEquals(
                    List.of(0L),
                    store.readJdbc(c -> Sql.column(
                            c,
                            Long.class,
                            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'TICKET_EVENT_FORM'")));
            assertEquals(
                    List.of("submit", "accept"),
                    store.tickets().scope(new TicketScope("530128", null, null)).timelines().get(ticket).stream()
                            .map(TicketEvent::action)
                            .toList());
        }
    }

    /** Schema 3 (forms in their own table), the version before the outbox: data and a working outbox after. */
    @Test
    void ticketsOfSchemaThreeKeepEverythingAndGainAnEmptyOutbox() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/reliefdesk").toAbsolutePath();
        migrateTo(url, "3");
        UUID ticket = UUID.randomUUID();
        UUID submit = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement()
                    .execute("insert into ticket (id, ticket_no, item_code, county_code, county_name,"
                            + " township_code, township_name, village_code, village_name, applicant_name, applicant_id_number,"
                            + " applicant_phone, channel, submitted_at, dispatched_at, current_step, status, outcome, version) values ('"
                            + ticket
                            + "', '530128202111200002', 'drinking_water', '530128', '禄劝县', '530128001', '屏山街道',"
                            + " '530128001201', '大村村委会', '王五', '11010519491231002X', '13812345678', 'SELF_RAISED',"
                            + " TIMESTAMP WITH TIME ZONE '2021-11-20 09:00:00+08', TIMESTAMP WITH TIME ZONE '2021-11-20 09:10:00+08',"
                            + " 'acceptance', 'NEW', null, 1)");
            c.createStatement()
                    .execute(
                            "insert into ticket_event (id, ticket_id, seq, actor, at, action, from_step,"
                                    + " to_step, note, outcome) values ('" + submit + "', '" + ticket + "', 1, '王五',"
                                    + " TIMESTAMP WITH TIME ZONE '2021-11-20 09:00:00+08', 'submit', null, 'acceptance', null, null)");
            c.createStatement()
                    .execute("insert into ticket_event_form (event_id, form_data) values ('" + submit
                            + "', '{\"problem\":\"turbid\"}')");
        }
        try (LocalStore store = LocalStore.open(dir)) {
            assertEquals(
                    "530128202111200002",
                    store.tickets().find(ticket).orElseThrow().ticketNo());
            assertEquals(
                    Map.of("problem", "turbid"),
                    store.tickets().events(ticket).get(0).formData());
            assertEquals(0, store.outbox().pendingCount(), "the outbox starts empty");
            assertEquals(0L, store.syncFacts().cursor("water.clerk"));
        }
    }

    /** Schema 6 concluded a ticket at its follow-up visit; schema 7 concludes it at the feedback (办结). */
    @Test
    void ticketsAtOrPastTheirVisitAreConcludedAtTheirFeedback() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/reliefdesk").toAbsolutePath();
        migrateTo(url, "6");
        UUID awaiting = UUID.randomUUID();
        UUID visited = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID solving = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            ticketRow(c, awaiting, "530128202111200011", "follow_up", "IN_PROGRESS", null);
            events(
                    c,
                    awaiting,
                    "acceptance:verification@10:00",
                    "verification:solving@11:00",
                    "solving:feedback@12:00",
                    "feedback:follow_up@13:00");
            ticketRow(c, visited, "530128202111200012", "concluded", "CONCLUDED", "2021-11-20 15:00:00+08");
            events(
                    c,
                    visited,
                    "acceptance:verification@10:00",
                    "verification:solving@11:00",
                    "solving:feedback@12:00",
                    "feedback:follow_up@13:00",
                    "follow_up:concluded@15:00");
            ticketRow(c, refused, "530128202111200013", "concluded", "CONCLUDED", "2021-11-20 10:30:00+08");
            events(c, refused, "acceptance:concluded@10:30");
            // fed back, visited "dissatisfied", reopened: open again, nothing to conclude
            ticketRow(c, solving, "530128202111200014", "solving", "IN_PROGRESS", null);
            events(
                    c,
                    solving,
                    "acceptance:verification@10:00",
                    "verification:solving@11:00",
                    "solving:feedback@12:00",
                    "feedback:follow_up@13:00",
                    "follow_up:concluded@14:00",
                    "concluded:solving@16:00");
        }
        try (LocalStore store = LocalStore.open(dir)) {
            var tickets = store.tickets();
            assertEquals(
                    TicketStatus.CONCLUDED, tickets.find(awaiting).orElseThrow().status());
            assertEquals(china("13:00"), tickets.find(awaiting).orElseThrow().concludedAt());
            assertEquals(china("13:00"), tickets.find(visited).orElseThrow().concludedAt());
            assertEquals(china("10:30"), tickets.find(refused).orElseThrow().concludedAt());
            assertEquals(
                    TicketStatus.IN_PROGRESS,
                    tickets.find(solving).orElseThrow().status());
            assertEquals(null, tickets.find(solving).orElseThrow().concludedAt());
            // schema 9: each row keeps its step movements, made from the history stored before
            var moves = tickets.movements(new TicketScope("530128", null, null), () -> false)
                    .timelines();
            assertEquals(
                    List.of(
                            "acceptance",
                            "acceptance",
                            "verification",
                            "solving",
                            "feedback",
                            "follow_up",
                            "concluded",
                            "solving"),
                    moves.get(solving).stream().map(TicketEvent::toStep).toList());
            assertEquals(china("16:00"), moves.get(solving).get(7).at());
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM ticket WHERE moves IS NULL")) {
            r.next();
            assertEquals(0, r.getInt(1), "the migration kept every row's movements");
        }
    }

    /**
     * Schema 15: a notice issued under the default abbreviation keeps none, whichever language
     * stored it; one the office set itself is kept.
     */
    @Test
    void noticesUnderTheDefaultAbbreviationKeepNoneOfTheirOwn() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/reliefdesk").toAbsolutePath();
        migrateTo(url, "14");
        Map<String, String> stored = Map.of("Relief Supervision", "1", "救助督", "2", "禄救督", "3");
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement ps = c.prepareStatement("INSERT INTO notice (id, issue_year, serial, agency,"
                        + " scope_key, recipient_key, recipient_name, as_of, content_key, issued_at) VALUES (?, 2026,"
                        + " ?, ?, 'county', ?, '县水利部门', DATE '2026-12-05', 'c', TIMESTAMP WITH TIME ZONE"
                        + " '2026-12-05 09:00:00+08')")) {
            for (var e : stored.entrySet()) {
                ps.setObject(1, UUID.randomUUID());
                ps.setInt(2, Integer.parseInt(e.getValue()));
                ps.setString(3, e.getKey());
                ps.setString(4, "department:" + e.getValue());
                ps.executeUpdate();
            }
        }
        try (LocalStore store = LocalStore.open(dir)) {
            Map<Integer, String> agencies = new TreeMap<>();
            store.notices().list().forEach(n -> agencies.put(n.serial(), String.valueOf(n.agency())));
            assertEquals(Map.of(1, "null", 2, "null", 3, "禄救督"), agencies);
        }
    }

    /**
     * Schema 16: work that waited when the PC was upgraded was made before operations kept their
     * store, so it is pushed to whichever store the PC syncs with, as before, never held.
     */
    @Test
    void workWaitingFromBeforeIsPushedToTheStoreThePcSyncsWith() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/reliefdesk").toAbsolutePath();
        migrateTo(url, "15");
        UUID op = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (op_id, ticket_id, kind, created_by,"
                        + " created_at, body, state) VALUES (?, ?, 'ACT', 'water.clerk', TIMESTAMP WITH TIME ZONE"
                        + " '2026-12-05 09:00:00+08', ?, 'PENDING')")) {
            ps.setObject(1, op);
            ps.setObject(2, UUID.randomUUID());
            ps.setString(
                    3,
                    OperationCodec.write(Operation.act(
                            op, UUID.randomUUID(), 2, "accept", Map.of(), null, china("09:00"), UUID.randomUUID())));
            ps.executeUpdate();
            c.createStatement()
                    .executeUpdate(
                            "INSERT INTO sync_state (fact_name, fact_value) VALUES ('pull.store.water.clerk', 'a')");
        }
        try (LocalStore store = LocalStore.open(dir)) {
            assertEquals(
                    List.of(op),
                    store.outbox().pendingFor("water.clerk", List.of("b"), 10).stream()
                            .map(Outbox.Entry::opId)
                            .toList());
            assertEquals(0, store.outbox().heldFrom("water.clerk", List.of("b")));
        }
    }

    /** Brings a fresh store up to schema {@code version} only, as a PC of that release left it. */
    private static void migrateTo(String url, String version) {
        Flyway.configure()
                .dataSource(url, "sa", "")
                .resourceProvider(new ListedMigrations())
                .javaMigrationClassProvider(List::of)
                .javaMigrations(new StepMovesMigration(), new TicketFormsMigration())
                .target(version)
                .load()
                .migrate();
    }

    private static Instant china(String time) {
        return OffsetDateTime.parse("2021-11-20T" + time + ":00+08:00").toInstant();
    }

    private static void ticketRow(Connection c, UUID id, String no, String step, String status, String concluded)
            throws Exception {
        c.createStatement()
                .execute("insert into ticket (id, ticket_no, item_code, county_code, county_name,"
                        + " township_code, township_name, village_code, village_name, applicant_name, applicant_id_number,"
                        + " applicant_phone, channel, submitted_at, dispatched_at, current_step, status, concluded_at, version)"
                        + " values ('" + id + "', '" + no + "', 'drinking_water', '530128', '禄劝县', '530128001', '屏山街道',"
                        + " '530128001201', '大村村委会', '李四', '11010519491231002X', '13812345678', 'SELF_RAISED',"
                        + " TIMESTAMP WITH TIME ZONE '2021-11-20 09:00:00+08', TIMESTAMP WITH TIME ZONE '2021-11-20 09:10:00+08',"
                        + " '" + step + "', '" + status + "', "
                        + (concluded == null ? "null" : "TIMESTAMP WITH TIME ZONE '" + concluded + "'") + ", 1)");
    }

    /** Events "from:to@HH:mm" after the submission and dispatch, on 2021-11-20 China time. */
    private static void events(Connection c, UUID ticket, String... moves) throws Exception {
        List<String> all = new ArrayList<>(List.of(":acceptance@09:00", "acceptance:acceptance@09:10"));
        all.addAll(List.of(moves));
        try (PreparedStatement e = c.prepareStatement("insert into ticket_event (id, ticket_id, seq, actor, at, action,"
                + " from_step, to_step) values (?, ?, ?, 'x', CAST(? AS TIMESTAMP WITH TIME ZONE), 'act', ?, ?)")) {
            for (int i = 0; i < all.size(); i++) {
                String[] m = all.get(i).split("[:@]", 3);
                e.setObject(1, UUID.randomUUID());
                e.setObject(2, ticket);
                e.setInt(3, i + 1);
                e.setString(4, "2021-11-20 " + m[2] + ":00+08");
                e.setString(5, m[0].isEmpty() ? null : m[0]);
                e.setString(6, m[1]);
                e.executeUpdate();
            }
        }
    }

    private static void insert(
            PreparedStatement e,
            UUID id,
            UUID ticket,
            int seq,
            String actor,
            String action,
            String from,
            String to,
            String note,
            String form)
            throws Exception {
        e.setObject(1, id);
        e.setObject(2, ticket);
        e.setInt(3, seq);
        e.setString(4, actor);
        e.setString(5, action);
        e.setString(6, from);
        e.setString(7, to);
        e.setString(8, note);
        e.setString(9, form);
        e.executeUpdate();
    }
}
