package org.reliefdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.reliefdesk.model.InvalidFieldException;

/**
 * Tickets a pull brought that this PC could not take, kept whole with the reason (the rule, the
 * field and its values, so the administrator reads it in their language). A pull never stops on
 * one of them: the rest of its page and the cursor are written.
 */
public final class SetAside {

    /** One ticket set aside. */
    public record Entry(
            UUID ticketId, String ticketNo, String pulledBy, InvalidFieldException why, String line, Instant at) {}

    private final LocalStore store;

    SetAside(LocalStore store) {
        this.store = store;
    }

    public List<Entry> list() {
        return store.readJdbc(c -> Sql.rows(
                        c,
                        "SELECT ticket_id, ticket_no, pulled_by, rule, field, args, line,"
                                + " set_aside_at FROM set_aside ORDER BY set_aside_at DESC")
                .stream()
                .map(r -> new Entry(
                        Outbox.uuid(r[0]),
                        (String) r[1],
                        (String) r[2],
                        new InvalidFieldException(
                                r[4] == null ? "" : (String) r[4], (String) r[3], args((String) r[5])),
                        String.valueOf(r[6]),
                        instant(r[7])))
                .toList());
    }

    public long count() {
        return store.readJdbc(
                c -> Sql.column(c, Long.class, "SELECT COUNT(*) FROM set_aside").get(0));
    }

    /** Keeps (or replaces) a ticket set aside, within the caller's transaction. */
    static void put(Connection c, Entry e) throws SQLException {
        Sql.update(c, "DELETE FROM set_aside WHERE ticket_id = ?", e.ticketId());
        Sql.update(
                c,
                "INSERT INTO set_aside (ticket_id, ticket_no, pulled_by, rule, field, args, line, set_aside_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.ticketId(),
                cut(e.ticketNo(), 64),
                cut(e.pulledBy(), 64),
                cut(e.why().rule(), 200),
                cut(e.why().field(), 200),
                cut(
                        String.join(
                                "\u001e",
                                e.why().args().stream().map(String::valueOf).toList()),
                        2000),
                e.line(),
                e.at());
    }

    /**
     * Forgets what {@code user}'s pulls set aside, as a pull of theirs from the start begins: it
     * sets aside again each ticket still unfit as it reaches it, and one mended meanwhile is taken
     * (an entry whose line was too damaged to read its id is kept under a made-up one, which the
     * ticket taken would never clear).
     */
    static void forgetPulledBy(Connection c, String user) throws SQLException {
        Sql.update(c, "DELETE FROM set_aside WHERE pulled_by = ?", cut(user, 64));
    }

    /** Tickets taken after all: no longer set aside (nothing asked when none is). */
    static void clear(Connection c, List<UUID> ids) throws SQLException {
        if (!ids.isEmpty()
                && !Sql.column(c, Integer.class, "SELECT 1 FROM set_aside LIMIT 1")
                        .isEmpty()) {
            Sql.update(c, "DELETE FROM set_aside WHERE ticket_id IN (" + Sql.marks(ids.size()) + ")", Sql.args(ids));
        }
    }

    private static String cut(String v, int max) {
        return v == null || v.length() <= max ? v : v.substring(0, max);
    }

    private static Object[] args(String joined) {
        return joined == null || joined.isEmpty()
                ? new Object[0]
                : Arrays.stream(joined.split("\u001e", -1)).toArray();
    }

    private static Instant instant(Object v) {
        return v instanceof OffsetDateTime o
                ? o.toInstant()
                : v instanceof Instant i ? i : v instanceof Timestamp t ? t.toInstant() : null;
    }
}
