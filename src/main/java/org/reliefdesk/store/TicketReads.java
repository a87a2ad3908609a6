package org.reliefdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.model.Applicant;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole scope read with plain JDBC: its tickets and their step movements (events without notes
 * or forms), for the workbench and the reports. A county holds 100,000 tickets and half a million
 * events: entities per row cost seconds and a fresh copy of every repeated text (step, action,
 * actor, place names) costs half the heap, so rows become model objects directly and repeated
 * values are shared.
 */
final class TicketReads {

    private static final Logger LOG = LoggerFactory.getLogger(TicketReads.class);

    private static final String TICKET_COLUMNS = "id, ticket_no, item_code, county_code, county_name, township_code,"
            + " township_name, village_code, village_name, applicant_name, applicant_id_number, applicant_phone,"
            + " channel, raised_by, submitted_at, dispatched_at, current_step, status, concluded_at, outcome, version, moves";

    private static final String EVENT_COLUMNS =
            "e.id, e.ticket_id, e.seq, e.actor, e.at, e.action, e.from_step, e.to_step, e.outcome, e.received_at";

    /** How many tickets' events are asked for by id in one statement (those whose movements are not kept). */
    private static final int BY_ID = 500;

    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, Place> places = new HashMap<>();
    private final BooleanSupplier stop;
    private int rows;

    private TicketReads(BooleanSupplier stop) {
        this.stop = stop;
    }

    /**
     * The scope's tickets, newest first, and each one's events in order. One connection, one
     * table after the other: H2 reads one file, and two readers at once took twice as long.
     */
    static TicketStore.Screen scope(DataSource ds, TicketScope scope, BooleanSupplier stop) {
        long started = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            boolean whole = mostOf(c, scope);
            TicketReads reads = new TicketReads(stop);
            List<Ticket> tickets = reads.tickets(c, scope, whole, (t, moves) -> {});
            Map<UUID, Timeline> events = reads.events(c, whole ? null : scope);
            return screen(tickets, events, started, whole ? "whole tables" : "by the scope's index");
        } catch (SQLException e) {
            throw new StoreException("reading the tickets of " + scope + " failed", e);
        }
    }

    /**
     * The scope's tickets, newest first, with the step movements kept on their rows (what the
     * clocks read, {@link StepMoves}): one pass over the tickets, none over the histories, except
     * for tickets whose movements are not kept (an older version's rows), whose events are read.
     */
    static TicketStore.Screen movements(DataSource ds, TicketScope scope, BooleanSupplier stop) {
        long started = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            boolean whole = mostOf(c, scope);
            TicketReads reads = new TicketReads(stop);
            Map<UUID, List<TicketEvent>> moves = new HashMap<>();
            List<UUID> notKept = new ArrayList<>();
            List<Ticket> tickets = reads.tickets(
                    c, scope, whole, (t, kept) -> StepMoves.sortOut(t.id(), kept, reads::text, moves, notKept));
            reads.readNotKept(c, notKept, moves);
            LOG.debug(
                    "Read {} tickets with their step movements ({}; {} read from their events) in {} ms",
                    tickets.size(),
                    whole ? "whole table" : "by the scope's index",
                    notKept.size(),
                    (System.nanoTime() - started) / 1_000_000);
            return new TicketStore.Screen(tickets, moves);
        } catch (SQLException e) {
            throw new StoreException("reading the tickets of " + scope + " failed", e);
        }
    }

    /**
     * These tickets (those that exist, in no particular order) with their step movements, as
     * {@link #movements}: what a save or a pulled page changed, read in one statement or two.
     */
    static TicketStore.Screen movementsOf(DataSource ds, List<UUID> ids) {
        if (ids.isEmpty()) {
            return new TicketStore.Screen(List.of(), Map.of());
        }
        try (Connection c = ds.getConnection()) {
            TicketReads reads = new TicketReads(() -> false);
            List<Ticket> tickets = new ArrayList<>();
            Map<UUID, List<TicketEvent>> moves = new HashMap<>();
            List<UUID> notKept = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += BY_ID) {
                List<UUID> some = ids.subList(from, Math.min(ids.size(), from + BY_ID));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT " + TICKET_COLUMNS + " FROM ticket WHERE id IN (" + Sql.marks(some.size()) + ")")) {
                    for (int i = 0; i < some.size(); i++) {
                        ps.setObject(i + 1, some.get(i));
                    }
                    try (ResultSet r = ps.executeQuery()) {
                        while (r.next()) {
                            Ticket t = reads.ticket(r);
                            tickets.add(t);
                            StepMoves.sortOut(t.id(), r.getString(22), reads::text, moves, notKept);
                        }
                    }
                }
            }
            reads.readNotKept(c, notKept, moves);
            return new TicketStore.Screen(tickets, moves);
        } catch (SQLException e) {
            throw new StoreException("reading tickets " + ids + " failed", e);
        }
    }

    /** The events of tickets whose movements are not kept on their rows, in order, into {@code moves}. */
    private void readNotKept(Connection c, List<UUID> notKept, Map<UUID, List<TicketEvent>> moves) throws SQLException {
        for (int from = 0; from < notKept.size(); from += BY_ID) {
            List<UUID> ids = notKept.subList(from, Math.min(notKept.size(), from + BY_ID));
            Map<UUID, Map<String, Object>> items = itemChanges(c, ids);
            eventsOf(c, ids).forEach((id, timeline) -> {
                timeline.events().sort(Comparator.comparingInt(TicketEvent::seq));
                timeline.events().replaceAll(e -> items.containsKey(e.id()) ? e.withFormData(items.get(e.id())) : e);
                moves.put(id, timeline.events());
            });
        }
    }

    /**
     * The items left and entered by the entries of these tickets that moved one to another item
     * (the clocks read each visit under its item): only those forms are read.
     */
    private static Map<UUID, Map<String, Object>> itemChanges(Connection c, List<UUID> ids) throws SQLException {
        Map<UUID, Map<String, Object>> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id, forms FROM ticket_form WHERE ticket_id IN ("
                + Sql.marks(ids.size()) + ") AND forms LIKE ?")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setObject(i + 1, ids.get(i));
            }
            ps.setString(ids.size() + 1, "%\"" + TicketEvent.FROM_ITEM + "\"%");
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    TicketForms.read(r.getObject(1, UUID.class), r.getString(2)).forEach((event, form) -> {
                        if (form.get(TicketEvent.FROM_ITEM) instanceof String left
                                && form.get(TicketEvent.ITEM) instanceof String entered) {
                            found.put(event, Map.of(TicketEvent.FROM_ITEM, left, TicketEvent.ITEM, entered));
                        }
                    });
                }
            }
        }
        return found;
    }

    /** What a row kept besides the ticket: its step movements, null when not kept. */
    private interface Kept {
        void accept(Ticket ticket, String moves);
    }

    /** One ticket's events read so far, under one shared copy of its id. */
    private record Timeline(UUID ticket, List<TicketEvent> events) {}

    /** The tickets with their events from the parts read, each ticket's events in order. */
    private static TicketStore.Screen screen(
            List<Ticket> tickets, Map<UUID, Timeline> events, long started, String how) {
        long ticketsRead = System.nanoTime();
        Map<UUID, List<TicketEvent>> timelines = new HashMap<>(tickets.size() * 2);
        for (Ticket t : tickets) {
            Timeline found = events.get(t.id());
            if (found != null) {
                found.events().sort(Comparator.comparingInt(TicketEvent::seq));
                timelines.put(t.id(), List.copyOf(found.events()));
            }
        }
        LOG.debug(
                "Read {} tickets and their events ({}) in {} ms, put together in {} ms",
                tickets.size(),
                how,
                (ticketsRead - started) / 1_000_000,
                (System.nanoTime() - ticketsRead) / 1_000_000);
        return new TicketStore.Screen(tickets, timelines);
    }

    /**
     * At the first row and every few thousand after it: whether the reader still wants them (a read
     * ahead no one waits for stops; one held waits here).
     */
    private void checkStop() {
        if ((rows++ & 0xFFF) == 0 && stop.getAsBoolean()) {
            throw new CancellationException("the read was stopped after " + rows + " rows");
        }
    }

    /** The scope's tickets, newest first: on its index, or all rows sorted out here. */
    private List<Ticket> tickets(Connection c, TicketScope scope, boolean whole, Kept kept) throws SQLException {
        List<Ticket> tickets = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + TICKET_COLUMNS + " FROM ticket" + (whole ? "" : where(scope, "")))) {
            if (!whole) {
                bind(ps, scope);
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    checkStop();
                    if (!whole || covers(scope, r)) {
                        Ticket t = ticket(r);
                        tickets.add(t);
                        kept.accept(t, r.getString(22));
                    }
                }
            }
        }
        tickets.sort(Comparator.comparing(Ticket::submittedAt).reversed());
        return tickets;
    }

    /** Events by ticket: of the scope's tickets joined on its index, or of every ticket (scope null). */
    private Map<UUID, Timeline> events(Connection c, TicketScope scope) throws SQLException {
        String sql = scope != null
                ? "SELECT " + EVENT_COLUMNS + " FROM ticket_event e JOIN ticket t ON e.ticket_id = t.id"
                        + where(scope, "t.")
                : "SELECT " + EVENT_COLUMNS + " FROM ticket_event e";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (scope != null) {
                bind(ps, scope);
            }
            return byTicket(ps);
        }
    }

    /** The events of these tickets, by ticket. */
    private Map<UUID, Timeline> eventsOf(Connection c, List<UUID> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS
                + " FROM ticket_event e WHERE e.ticket_id IN (" + Sql.marks(ids.size()) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setObject(i + 1, ids.get(i));
            }
            return byTicket(ps);
        }
    }

    private Map<UUID, Timeline> byTicket(PreparedStatement ps) throws SQLException {
        Map<UUID, Timeline> byTicket = new HashMap<>();
        try (ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                checkStop();
                UUID id = r.getObject(2, UUID.class);
                Timeline timeline = byTicket.get(id);
                if (timeline == null) {
                    timeline = new Timeline(id, new ArrayList<>(6));
                    byTicket.put(id, timeline);
                }
                timeline.events().add(event(r, timeline.ticket()));
            }
        }
        return byTicket;
    }

    /**
     * Whether a scope covers at least a third of the stored tickets (a leader's county on its own
     * PC): then one pass over each table, sorted out here, beats the scope's index, which fetches
     * every row by its random key — measured on 100,000 tickets and half a million events:
     * 2.8 s against 0.7–1.5 s for the tickets, 7–11 s against 1.6–2.5 s for the events.
     */
    private static boolean mostOf(Connection c, TicketScope scope) throws SQLException {
        long covered;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ticket" + where(scope, ""))) {
            bind(ps, scope);
            covered = single(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ticket")) {
            return covered * 3 >= single(ps);
        }
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet r = ps.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String where(TicketScope scope, String alias) {
        StringBuilder sql = new StringBuilder(" WHERE ").append(alias).append("county_code = ?");
        if (scope.itemCodes() != null) {
            sql.append(" AND ").append(alias).append("item_code IN (");
            for (int i = 0; i < scope.itemCodes().size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            sql.append(')');
        }
        if (scope.townshipCode() != null) {
            sql.append(" AND ").append(alias).append("township_code = ?");
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement ps, TicketScope scope) throws SQLException {
        int i = 1;
        ps.setString(i++, scope.countyCode());
        if (scope.itemCodes() != null) {
            for (String item : scope.itemCodes()) {
                ps.setString(i++, item);
            }
        }
        if (scope.townshipCode() != null) {
            ps.setString(i, scope.townshipCode());
        }
    }

    /** {@link TicketScope#covers} on the row's columns, before a ticket is made of it. */
    private static boolean covers(TicketScope scope, ResultSet r) throws SQLException {
        return scope.countyCode().equals(r.getString(4))
                && (scope.itemCodes() == null || scope.itemCodes().contains(r.getString(3)))
                && (scope.townshipCode() == null || scope.townshipCode().equals(r.getString(6)));
    }

    private Ticket ticket(ResultSet r) throws SQLException {
        return new Ticket(
                r.getObject(1, UUID.class),
                r.getString(2),
                text(r.getString(3)),
                place(r.getString(4), r.getString(5)),
                place(r.getString(6), r.getString(7)),
                place(r.getString(8), r.getString(9)),
                new Applicant(r.getString(10), r.getString(11), r.getString(12)),
                IntakeChannel.valueOf(r.getString(13)),
                text(r.getString(14)),
                time(r, 15),
                time(r, 16),
                text(r.getString(17)),
                TicketStatus.valueOf(r.getString(18)),
                time(r, 19),
                text(r.getString(20)),
                r.getLong(21));
    }

    private TicketEvent event(ResultSet r, UUID ticket) throws SQLException {
        return new TicketEvent(
                r.getObject(1, UUID.class),
                ticket,
                r.getInt(3),
                text(r.getString(4)),
                time(r, 5),
                text(r.getString(6)),
                text(r.getString(7)),
                text(r.getString(8)),
                null,
                Map.of(),
                text(r.getString(9)),
                time(r, 10));
    }

    private static Instant time(ResultSet r, int column) throws SQLException {
        OffsetDateTime at = r.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private String text(String s) {
        return s == null ? null : texts.computeIfAbsent(s, k -> k);
    }

    private Place place(String code, String name) {
        Place p = places.get(code);
        if (p == null || !p.name().equals(name)) {
            p = new Place(code, name);
            places.put(code, p);
        }
        return p;
    }
}
