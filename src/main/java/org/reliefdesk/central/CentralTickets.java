package org.reliefdesk.central;

import java.io.BufferedReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.interchange.LineRejectedException;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sync.PullPage;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketHistory;

/**
 * The tickets of the central store, each with its whole history as one interchange line, and
 * the change numbers that order them for pulls.
 */
public final class CentralTickets {

    /** The most changes one pull page carries, whatever a client asks for. */
    public static final int MAX_PAGE = 2000;

    private final CentralDatabase db;
    private final TicketLineCodec codec;

    public CentralTickets(CentralDatabase db, Catalog catalog) {
        this.db = db;
        this.codec = new TicketLineCodec(catalog);
    }

    TicketLineCodec codec() {
        return codec;
    }

    /**
     * Holds the counter row until the transaction ends, without taking a number: every writer
     * starts here, so writers (on one server or several) go one after another.
     */
    static long lockChanges(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_change FROM change_counter WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Takes the next change number, holding the counter row until the transaction ends: writers
     * commit one after another in number order, so a pull never sees number N before N-1.
     */
    static long nextChange(Connection c) throws SQLException {
        long last = lockChanges(c);
        try (PreparedStatement ps = c.prepareStatement("UPDATE change_counter SET last_change = ? WHERE id = 1")) {
            ps.setLong(1, last + 1);
            ps.executeUpdate();
        }
        return last + 1;
    }

    Optional<TicketHistory> find(Connection c, UUID id) throws SQLException {
        return line(c, id).map(this::decode);
    }

    Optional<String> line(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM central_ticket WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    TicketHistory decode(String body) {
        try {
            // Stored lines were checked when they came in; no date bound is needed to read them again.
            return codec.read(body, 1, LocalDate.of(9999, 12, 31));
        } catch (LineRejectedException e) {
            throw new IllegalStateException("stored ticket cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a ticket (new or changed) under a change number taken in the same transaction.
     * A new ticket whose number another ticket already holds is given the next free number of
     * its county and day (offline PCs number their own tickets; the central store's number is final).
     *
     * @return the history as stored, and its change number
     */
    Saved save(Connection c, TicketHistory h, boolean isNew, Instant now) throws SQLException {
        long change = nextChange(c);
        Ticket t = h.ticket();
        if (isNew && numberTaken(c, t.ticketNo())) {
            t = renumbered(c, t);
            h = new TicketHistory(t, h.events());
        }
        String body = codec.write(h);
        String sql = isNew
                ? "INSERT INTO central_ticket (ticket_no, item_code, county_code, township_code, last_seq, change_no,"
                + " changed_at, body, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE central_ticket SET ticket_no = ?, item_code = ?, county_code = ?, township_code = ?,"
                + " last_seq = ?, change_no = ?, changed_at = ?, body = ? WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, t.ticketNo());
            ps.setString(2, t.itemCode());
            ps.setString(3, t.county().code());
            ps.setString(4, t.township().code());
            ps.setInt(5, h.events().size());
            ps.setLong(6, change);
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setString(8, body);
            ps.setObject(9, t.id());
            ps.executeUpdate();
        }
        return new Saved(h, change);
    }

    record Saved(TicketHistory history, long changeNo) {
    }

    private static boolean numberTaken(Connection c, String ticketNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM central_ticket WHERE ticket_no = ?")) {
            ps.setString(1, ticketNo);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Ticket renumbered(Connection c, Ticket t) throws SQLException {
        String no = t.ticketNo();
        String prefix = no.length() > 4 ? no.substring(0, no.length() - 4) : no;
        String last;
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(ticket_no) FROM central_ticket WHERE ticket_no LIKE ?")) {
            ps.setString(1, prefix + "____");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                last = rs.getString(1);
            }
        }
        int next = last == null ? 1 : Integer.parseInt(last.substring(prefix.length())) + 1;
        return new Ticket(t.id(), prefix + String.format("%04d", next), t.itemCode(), t.county(), t.township(),
                t.village(), t.applicant(), t.channel(), t.raisedBy(), t.submittedAt(), t.dispatchedAt(),
                t.currentStep(), t.status(), t.concludedAt(), t.outcome(), t.version());
    }

    /** What an intake of lines did. */
    public record Intake(int added, int known, List<String> rejected) {
    }

    /**
     * New tickets from the citizen channel (the platform's own intake), in the interchange format.
     * A ticket already held is left as it is; a line that cannot be read is named and skipped.
     */
    public Intake intake(BufferedReader lines, LocalDate today, Instant now) throws IOException {
        int added = 0;
        int known = 0;
        List<String> rejected = new ArrayList<>();
        List<TicketHistory> batch = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = lines.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                batch.add(codec.read(line, n, today));
            } catch (LineRejectedException e) {
                rejected.add(e.getMessage());
            }
            if (batch.size() == 500) {
                int[] r = intakeBatch(batch, now);
                added += r[0];
                known += r[1];
                batch.clear();
            }
        }
        int[] r = intakeBatch(batch, now);
        return new Intake(added + r[0], known + r[1], rejected);
    }

    private int[] intakeBatch(List<TicketHistory> batch, Instant now) {
        return db.inTransaction(c -> {
            int added = 0;
            int known = 0;
            for (TicketHistory h : batch) {
                if (line(c, h.ticket().id()).isPresent()) {
                    known++;
                } else {
                    save(c, h, true, now);
                    added++;
                }
            }
            return new int[] {added, known};
        });
    }

    /**
     * Changes after {@code after} that the scope covers, oldest first. The scope comes from the
     * caller's own user record, never from the request.
     */
    public PullPage pull(TicketScope scope, long after, int limit) {
        return pull(scope, after, limit, true);
    }

    /** @param count whether to count every change after the cursor too (for a progress bar; the first page asks) */
    public PullPage pull(TicketScope scope, long after, int limit, boolean count) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        StringBuilder where = new StringBuilder(" FROM central_ticket WHERE county_code = ? AND change_no > ?");
        if (scope.itemCodes() != null) {
            where.append(" AND item_code IN (").append("?,".repeat(Math.max(0, scope.itemCodes().size() - 1)))
                    .append(scope.itemCodes().isEmpty() ? "NULL" : "?").append(')');
        }
        if (scope.townshipCode() != null) {
            where.append(" AND township_code = ?");
        }
        return db.inTransaction(c -> {
            long total = -1;
            if (count) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + where)) {
                    bind(ps, scope, after);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
            }
            List<PullPage.Change> changes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT change_no, body" + where
                    + " ORDER BY change_no FETCH FIRST " + (size + 1) + " ROWS ONLY")) {
                bind(ps, scope, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new PullPage.Change(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            boolean more = changes.size() > size;
            if (more) {
                changes.remove(changes.size() - 1);
            }
            long next = changes.isEmpty() ? after : changes.get(changes.size() - 1).changeNo();
            return new PullPage(changes, next, more, total);
        });
    }

    private static void bind(PreparedStatement ps, TicketScope scope, long after) throws SQLException {
        int i = 1;
        ps.setString(i++, scope.countyCode());
        ps.setLong(i++, after);
        if (scope.itemCodes() != null) {
            for (String item : scope.itemCodes()) {
                ps.setString(i++, item);
            }
        }
        if (scope.townshipCode() != null) {
            ps.setString(i, scope.townshipCode());
        }
    }

    /** How many tickets the central store holds. */
    public long count() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM central_ticket");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
