package org.reliefdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;

/**
 * New ticket rows and event rows written with plain JDBC batches: the fast path for imports and
 * pulls, which write thousands of rows nobody reads back in the same transaction — no persistence
 * context, no entity per row, one round of statements per batch. The columns are the same the
 * entities map (the schema validation at start keeps them honest).
 */
final class TicketRows {

    private static final int BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TicketRows() {}

    /** New tickets' rows, each with the step movements of its history (whose rows {@link #insertEvents} writes). */
    static void insertTickets(Connection c, List<TicketHistory> histories) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket (id, ticket_no, item_code, county_code,"
                + " county_name, township_code, township_name, village_code, village_name, applicant_name,"
                + " applicant_id_number, applicant_phone, channel, raised_by, submitted_at, dispatched_at, current_step,"
                + " status, concluded_at, outcome, version, moves) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (TicketHistory h : histories) {
                Ticket t = h.ticket();
                ps.setObject(1, t.id());
                ps.setString(2, t.ticketNo());
                ps.setString(3, t.itemCode());
                ps.setString(4, t.county().code());
                ps.setString(5, t.county().name());
                ps.setString(6, t.township().code());
                ps.setString(7, t.township().name());
                ps.setString(8, t.village().code());
                ps.setString(9, t.village().name());
                ps.setString(10, t.applicant().name());
                ps.setString(11, t.applicant().idNumber());
                ps.setString(12, t.applicant().phone());
                ps.setString(13, t.channel().name());
                ps.setString(14, t.raisedBy());
                time(ps, 15, t.submittedAt());
                time(ps, 16, t.dispatchedAt());
                ps.setString(17, t.currentStep());
                ps.setString(18, t.status().name());
                time(ps, 19, t.concludedAt());
                ps.setString(20, t.outcome());
                ps.setLong(21, 0);
                ps.setString(22, StepMoves.of(h.events()));
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** The events and their forms (the ticket rows must be there already). */
    static void insertEvents(Connection c, List<TicketEvent> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ticket_event (id, ticket_id, seq, actor, at, action,"
                        + " from_step, to_step, note, outcome, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (TicketEvent e : events) {
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
            ps.executeBatch();
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO ticket_event_form (event_id, form_data) VALUES (?, ?)")) {
            int n = 0;
            for (TicketEvent e : events) {
                ps.setObject(1, e.id());
                try {
                    ps.setString(2, JSON.writeValueAsString(e.formData()));
                } catch (JsonProcessingException ex) {
                    throw new IllegalArgumentException(
                            "form data of event " + e.id() + " cannot be stored as JSON", ex);
                }
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Those of {@code ids} the event table holds already (an event id is its key), asked {@value #BATCH} at a time. */
    static Set<UUID> storedEvents(Connection c, List<UUID> ids) throws SQLException {
        Set<UUID> stored = new HashSet<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
            String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ticket_event WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setObject(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        }
        return stored;
    }

    private static void time(PreparedStatement ps, int i, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }
}
