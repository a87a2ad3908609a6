package org.reliefdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;

/**
 * New ticket rows and event rows written with plain JDBC batches: the fast path for imports and
 * pulls, which write thousands of rows nobody reads back in the same transaction — no persistence
 * context, no entity per row, one round of statements per batch. The columns are the same the
 * entities map (the schema validation at start keeps them honest).
 */
final class TicketRows {

    private static final int BATCH = 500;

    /** The columns every ticket row has but its id and version, in the order {@link #bindFields} sets them. */
    private static final String FIELDS = "ticket_no, item_code, county_code, county_name, township_code, township_name,"
            + " village_code, village_name, applicant_name, applicant_id_number, applicant_phone, channel, raised_by,"
            + " submitted_at, dispatched_at, current_step, status, concluded_at, outcome, moves";

    private static final int FIELD_COUNT = 20;

    private TicketRows() {}

    /**
     * New tickets' rows, each with the step movements of its history (whose rows {@link #insertEvents}
     * writes); {@code fromStore}: the id of the central store that sent them (null: none did).
     */
    static void insertTickets(Connection c, List<ReadyTicket> tickets, String fromStore) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket (id, version, from_store, " + FIELDS
                + ") VALUES (?, 0, ?, " + Sql.marks(FIELD_COUNT) + ")")) {
            int n = 0;
            for (ReadyTicket r : tickets) {
                ps.setObject(1, r.history().ticket().id());
                ps.setString(2, fromStore);
                bindFields(ps, 3, r);
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * Known tickets' rows as the central store {@code fromStore} sent them, their version one up (a
     * form opened on the old one is refused).
     */
    static void updateTickets(Connection c, List<ReadyTicket> tickets, String fromStore) throws SQLException {
        String set = String.join(" = ?, ", FIELDS.split(", ")) + " = ?";
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE ticket SET " + set + ", from_store = ?, version = version + 1 WHERE id = ?")) {
            int n = 0;
            for (ReadyTicket r : tickets) {
                bindFields(ps, 1, r);
                ps.setString(FIELD_COUNT + 1, fromStore);
                ps.setObject(FIELD_COUNT + 2, r.history().ticket().id());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** The {@link #FIELDS} of a history's ticket, from parameter {@code at} on. */
    private static void bindFields(PreparedStatement ps, int at, ReadyTicket r) throws SQLException {
        Ticket t = r.history().ticket();
        ps.setString(at, t.ticketNo());
        ps.setString(at + 1, t.itemCode());
        ps.setString(at + 2, t.county().code());
        ps.setString(at + 3, t.county().name());
        ps.setString(at + 4, t.township().code());
        ps.setString(at + 5, t.township().name());
        ps.setString(at + 6, t.village().code());
        ps.setString(at + 7, t.village().name());
        ps.setString(at + 8, t.applicant().name());
        ps.setString(at + 9, t.applicant().idNumber());
        ps.setString(at + 10, t.applicant().phone());
        ps.setString(at + 11, t.channel().name());
        ps.setString(at + 12, t.raisedBy());
        time(ps, at + 13, t.submittedAt());
        time(ps, at + 14, t.dispatchedAt());
        ps.setString(at + 15, t.currentStep());
        ps.setString(at + 16, t.status().name());
        time(ps, at + 17, t.concludedAt());
        ps.setString(at + 18, t.outcome());
        ps.setString(at + 19, r.moves());
    }

    /**
     * The events of these whole histories and one row of forms per ticket (the ticket rows must be
     * there already, and hold no events yet).
     */
    static void insertEvents(Connection c, List<ReadyTicket> tickets) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ticket_event (id, ticket_id, seq, actor, at, action,"
                        + " from_step, to_step, note, outcome, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (ReadyTicket r : tickets) {
                for (TicketEvent e : r.history().events()) {
                    ps.setObject(1, e.id());
                    ps.setObject(2, e.ticketId());
                    ps.setInt(3, e.seq());
                    ps.setString(4, e.actor());
                    time(ps, 5, e.at());
                    ps.setString(6, e.action());
                    ps.setString(7, e.fromStep());
                    ps.setString(8, e.toStep());
                    ps.setString(9, e.note());
                    ps.setString(10, e.outcome());
                    time(ps, 11, e.receivedAt());
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket_form (ticket_id, forms) VALUES (?, ?)")) {
            int n = 0;
            for (ReadyTicket r : tickets) {
                if (r.forms() == null) {
                    continue;
                }
                ps.setObject(1, r.history().ticket().id());
                ps.setString(2, r.forms());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** The numbers this PC holds of one county and day ({@link org.reliefdesk.logic.TicketNumbers#prefix}). */
    static List<String> numbersOf(Connection c, String prefix) throws SQLException {
        return Sql.column(c, String.class, "SELECT ticket_no FROM ticket WHERE ticket_no LIKE ?", prefix + "%");
    }

    private static void time(PreparedStatement ps, int i, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }
}
