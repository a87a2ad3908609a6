package org.reliefdesk.central;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.reliefdesk.logic.TicketNumbers;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.interchange.LineRejectedException;
import org.reliefdesk.logic.interchange.TicketIngest;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sync.PullPage;
import org.reliefdesk.logic.sync.WireLimits;
import org.reliefdesk.logic.workflow.TicketAttachments;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;

/**
 * The tickets of the central store, each with its whole history as one interchange line, and
 * the change numbers that order them for pulls.
 */
public final class CentralTickets {

    /** The most changes one pull page carries, whatever a client asks for. */
    public static final int MAX_PAGE = 2000;

    /** Tickets asked about in one statement when a page says which attachments are held (bind variables stay few). */
    private static final int HELD_QUERY = 500;

    private final CentralDatabase db;
    private final Catalog catalog;
    private final TicketLineCodec codec;
    private final Function<String, Optional<User>> users;
    private final CountyTurns turns;
    private final Supplier<StoreIds> storeIds;

    /**
     * @param users the central store's users by name (a history's actors are replayed as them)
     * @param storeIds the store's ids, which every page carries
     */
    CentralTickets(
            CentralDatabase db, Catalog catalog, Function<String, Optional<User>> users, Supplier<StoreIds> storeIds) {
        this.db = db;
        this.catalog = catalog;
        this.users = users;
        this.storeIds = storeIds;
        this.codec = new TicketLineCodec(catalog);
        this.turns = new CountyTurns(db.dataSource());
    }

    TicketLineCodec codec() {
        return codec;
    }

    /**
     * Work that writes a county's tickets, in a transaction begun when the county's earlier
     * writers on this server are done (a queue in memory, not on the database's connections);
     * writers that queued meanwhile share one, each in a savepoint ({@link CountyTurns}).
     */
    <T> T writeInTurn(String county, CentralDatabase.SqlWork<T> work) {
        return turns.inTurn(county, work);
    }

    /**
     * Holds the county's counter row until the transaction ends, without taking a number: every
     * writer of a county starts here, so writers of one county (on one server or several) go one
     * after another, and writers of other counties do not wait for them. A county's row is made on
     * its first write, in a transaction of its own (two servers making it at once: one wins).
     *
     * @return the row as held: {@link #nextChange} takes its numbers without reading it again
     */
    HeldCounter lockChanges(Connection c, String county) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_change FROM county_change_counter WHERE county_code = ? FOR UPDATE")) {
                ps.setString(1, county);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new HeldCounter(county, rs.getLong(1));
                    }
                }
            }
            addCounter(county);
        }
        throw new IllegalStateException("no change counter for county " + county);
    }

    /**
     * A county's counter row as one transaction (or one savepoint of it) holds it, and the last
     * number taken. Nobody else can change a row held FOR UPDATE, so the next number needs no
     * second read: one round trip fewer inside the county's turn. Not to be kept past the
     * savepoint it was read in (a writer rolled back to its savepoint takes its numbers back).
     */
    static final class HeldCounter {
        private final String county;
        private long last;

        private HeldCounter(String county, long last) {
            this.county = county;
            this.last = last;
        }

        /** The last number the county gave, as this transaction sees it. */
        long last() {
            return last;
        }
    }

    private void addCounter(String county) {
        db.makeRowOnce(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO county_change_counter (county_code, last_change)"
                            + " SELECT ?, COALESCE((SELECT last_change FROM change_counter WHERE id = 1), 0)"
                            + " WHERE NOT EXISTS (SELECT 1 FROM county_change_counter WHERE county_code = ?)")) {
                ps.setString(1, county);
                ps.setString(2, county);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Takes the county's next change number from the row this transaction holds: a county's
     * writers commit one after another in number order, so a pull (always within one county)
     * never sees number N before N-1. The update names the number it expects to replace, so a
     * counter that is not as held (not locked, or kept past a rollback) fails here, and nothing
     * is numbered twice.
     */
    long nextChange(Connection c, HeldCounter held) throws SQLException {
        long next = held.last + 1;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE county_change_counter SET last_change = ? WHERE county_code = ? AND last_change = ?")) {
            ps.setLong(1, next);
            ps.setString(2, held.county);
            ps.setLong(3, held.last);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException(
                        "county " + held.county + ": change counter is not at " + held.last + " as held");
            }
        }
        held.last = next;
        return next;
    }

    Optional<TicketHistory> find(Connection c, UUID id) throws SQLException {
        return line(c, id).map(this::decode);
    }

    /** The county a held ticket belongs to (it never changes), without reading its history. */
    Optional<String> countyOf(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT county_code FROM central_ticket WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    Optional<String> line(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM central_ticket WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(text(rs.getBytes(1))) : Optional.empty();
            }
        }
    }

    /** A stored line: its UTF-8 bytes (central schema 10) as text. */
    static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    TicketHistory decode(String body) {
        // Stored lines were checked when they came in.
        return codec.readTrusted(body);
    }

    /**
     * Writes a ticket (new or changed) under a change number taken in the same transaction, and
     * notes which attachments it names (a download is let through only for a ticket in scope).
     * A ticket opened on a PC ({@code numberIt}) gets its number here: the next of its county and
     * day, counted as a number; the PC's own number was provisional.
     *
     * @param held the county's counter as the transaction holds it; a ticket of another county
     *     (which the engine's scope should never let through) takes its own county's row here
     * @return the history as stored, and its change number
     */
    Saved save(Connection c, HeldCounter held, TicketHistory h, boolean isNew, boolean numberIt, Instant now)
            throws SQLException {
        Ticket t = h.ticket();
        HeldCounter counter = held.county.equals(t.county().code())
                ? held
                : lockChanges(c, t.county().code());
        long change = nextChange(c, counter);
        if (numberIt) {
            t = t.withNumber(nextNumber(c, TicketNumbers.prefix(t.county().code(), t.submittedAt())));
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
            ps.setBytes(8, body.getBytes(StandardCharsets.UTF_8));
            ps.setObject(9, t.id());
            ps.executeUpdate();
        }
        indexAttachments(c, h);
        TicketEvent last = h.events().get(h.events().size() - 1);
        if (!isNew && last.changesItem()) {
            // the departments of the item left learn at their next pull that the ticket is not theirs now
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO central_handover (county_code, change_no,"
                    + " ticket_id, from_item, township_code) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, t.county().code());
                ps.setLong(2, change);
                ps.setObject(3, t.id());
                ps.setString(4, last.itemBefore());
                ps.setString(5, t.township().code());
                ps.executeUpdate();
            }
        }
        indexEvents(
                c,
                h,
                isNew
                        ? h.events()
                        : h.events().subList(h.events().size() - 1, h.events().size()));
        return new Saved(h, change, body);
    }

    /** What {@link #save} stored: the history, its change number and its line as stored. */
    record Saved(TicketHistory history, long changeNo, String body) {}

    /** Which tickets name which attachment: what a download's scope check reads. */
    void indexAttachments(Connection c, TicketHistory h) throws SQLException {
        Set<String> shas = new TreeSet<>();
        for (TicketAttachments.Attached a :
                TicketAttachments.of(catalog, h.ticket().itemCode(), h.events())) {
            if (CentralAttachments.validStoredName(a.storedName())) {
                shas.add(a.storedName().substring(0, 64));
            }
        }
        if (shas.isEmpty()) {
            return;
        }
        // what is noted already, in one read (a ticket names a few photos; every action re-indexes them)
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM ticket_attachment WHERE ticket_id = ?")) {
            ps.setObject(1, h.ticket().id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    shas.remove(rs.getString(1));
                }
            }
        }
        if (shas.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO ticket_attachment (sha256, ticket_id) VALUES (?, ?)")) {
            for (String sha : shas) {
                ps.setString(1, sha);
                ps.setObject(2, h.ticket().id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Whether a ticket the scope covers names this attachment. */
    boolean attachmentInScope(String sha, TicketScope scope) {
        StringBuilder sql =
                new StringBuilder("SELECT 1 FROM ticket_attachment a JOIN central_ticket t ON t.id = a.ticket_id"
                        + " WHERE a.sha256 = ? AND t.county_code = ?");
        appendScope(sql, scope, "t.");
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql + " FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, sha);
                ps.setString(2, scope.countyCode());
                bindScope(ps, scope, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static boolean numberTaken(Connection c, String ticketNo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM central_ticket WHERE ticket_no = ?")) {
            ps.setString(1, ticketNo);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The next number of a county and day, its sequence counted as a number (no ceiling at 9999). */
    private static String nextNumber(Connection c, String prefix) throws SQLException {
        List<String> taken = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket_no FROM central_ticket WHERE ticket_no LIKE ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getString(1));
                }
            }
        }
        return TicketNumbers.next(prefix, taken);
    }

    /** Whether another ticket already holds one of this ticket's event ids. */
    static boolean eventTaken(Connection c, TicketHistory h) throws SQLException {
        for (TicketEvent e : h.events()) {
            if (eventOwner(c, e.id())
                    .filter(owner -> !owner.equals(h.ticket().id()))
                    .isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The ticket that holds an event id, if any. */
    static Optional<UUID> eventOwner(Connection c, UUID eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id FROM central_event WHERE event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /** Notes event ids of a ticket (every one of a new or older ticket, the one an action adds). */
    private static void indexEvents(Connection c, TicketHistory h, List<TicketEvent> fresh) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO central_event (event_id, ticket_id) VALUES (?, ?)")) {
            for (TicketEvent e : fresh) {
                ps.setObject(1, e.id());
                ps.setObject(2, h.ticket().id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Fills the attachment and event indexes for tickets stored before they existed (once, at
     * start; the tickets are read in pages).
     */
    void indexOlderTickets() {
        boolean empty = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM central_ticket t WHERE NOT EXISTS"
                            + " (SELECT 1 FROM central_event e WHERE e.ticket_id = t.id) FETCH FIRST 1 ROWS ONLY");
                    ResultSet rs = ps.executeQuery()) {
                return !rs.next();
            }
        });
        if (empty) {
            return;
        }
        db.inTransaction(c -> {
            List<String> bodies = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM central_ticket t WHERE NOT EXISTS"
                            + " (SELECT 1 FROM central_event e WHERE e.ticket_id = t.id)");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bodies.add(text(rs.getBytes(1)));
                }
            }
            for (String body : bodies) {
                TicketHistory h = decode(body);
                indexEvents(c, h, h.events());
                indexAttachments(c, h);
            }
            return null;
        });
    }

    /** What an intake of lines did. */
    public record Intake(int added, int known, List<String> rejected) {}

    /**
     * New tickets from the citizen channel (the platform's own intake), in the interchange format,
     * through the one ingestion path ({@link TicketIngest}: decode, bounds, history replayed).
     * Only tickets of {@code county} (an administrator's own; null for the command line, which
     * takes any county); a ticket already held is left as it is; a line that cannot be taken is
     * named (line, field, rule) and skipped, and the other lines go in.
     */
    public Intake intake(BufferedReader lines, String county, LocalDate today, Instant now) throws IOException {
        int added = 0;
        int known = 0;
        List<String> rejected = new ArrayList<>();
        List<TicketHistory> batch = new ArrayList<>();
        Map<String, Optional<User>> seen = new HashMap<>();
        TicketIngest ingest = new TicketIngest(catalog, name -> seen.computeIfAbsent(name, users));
        String line;
        int n = 0;
        while ((line = lines.readLine()) != null) {
            n++;
            if (n == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                TicketHistory h = ingest.read(line, n, today);
                if (county != null && !county.equals(h.ticket().county().code())) {
                    throw new LineRejectedException(n, new InvalidFieldException("countyCode", "rule.workflow.county"));
                }
                batch.add(h);
            } catch (LineRejectedException e) {
                rejected.add(e.getMessage());
            }
            if (batch.size() == 500) {
                int[] r = intakeBatch(batch, now, rejected);
                added += r[0];
                known += r[1];
                batch.clear();
            }
        }
        int[] r = intakeBatch(batch, now, rejected);
        return new Intake(added + r[0], known + r[1], rejected);
    }

    /** One transaction per county of the batch: a file of several counties never holds two counters at once. */
    private int[] intakeBatch(List<TicketHistory> batch, Instant now, List<String> rejected) {
        Map<String, List<TicketHistory>> byCounty = new TreeMap<>();
        batch.forEach(h -> byCounty.computeIfAbsent(h.ticket().county().code(), k -> new ArrayList<>())
                .add(h));
        int[] total = new int[2];
        for (Map.Entry<String, List<TicketHistory>> part : byCounty.entrySet()) {
            int[] r = writeInTurn(part.getKey(), c -> intakeCounty(c, part.getValue(), now, rejected));
            total[0] += r[0];
            total[1] += r[1];
        }
        return total;
    }

    private int[] intakeCounty(Connection c, List<TicketHistory> batch, Instant now, List<String> rejected)
            throws SQLException {
        int added = 0;
        int known = 0;
        HeldCounter held = null;
        for (TicketHistory h : batch) {
            if (line(c, h.ticket().id()).isPresent()) {
                known++;
            } else if (numberTaken(c, h.ticket().ticketNo())) {
                rejected.add("ticket " + h.ticket().id() + ": "
                        + new InvalidFieldException(
                                        "ticketNo", "rule.duplicate", h.ticket().ticketNo())
                                .getMessage());
            } else if (eventTaken(c, h)) {
                rejected.add("ticket " + h.ticket().id() + ": "
                        + new InvalidFieldException(
                                        "events", "rule.duplicate", h.ticket().ticketNo())
                                .getMessage());
            } else {
                if (held == null) {
                    held = lockChanges(c, h.ticket().county().code());
                }
                save(c, held, h, true, false, now);
                added++;
            }
        }
        return new int[] {added, known};
    }

    /**
     * Changes after {@code after} that the scope covers, oldest first. The scope comes from the
     * caller's own user record, never from the request.
     */
    public PullPage pull(TicketScope scope, long after, long limit) {
        return pull(scope, after, limit, true, true);
    }

    /** {@link #page} as a PC reads it, its lines as text. */
    public PullPage pull(TicketScope scope, long after, long limit, boolean count, boolean sayHeld) {
        return page(scope, after, limit, count, sayHeld).asPullPage();
    }

    /**
     * @param limit the most changes the caller asks for, as sent: clamped here to 1 … {@link #MAX_PAGE}
     *              as a long (cut to an int first, 4294967297 asked for one ticket)
     * @param count whether to count every change after the cursor too (for a progress bar; the first page asks)
     * @param sayHeld whether to say which attachments the page's tickets name that are stored whole
     */
    ServedPage page(TicketScope scope, long after, long limit, boolean count, boolean sayHeld) {
        int size = (int) Math.max(1, Math.min(limit, MAX_PAGE));
        String where = inScopeAfter(scope);
        // Each statement sees what was committed when it began (no transaction: none is needed
        // for that, and its COMMIT would be one more round trip). A last page's cursor may move on
        // to its scope's last move away, read after the tickets; a move committed after the
        // tickets' read could carry it past a change that read did not see. The county's number
        // read first bounds the moves taken: everything numbered up to it was committed before
        // the tickets were read.
        return db.read(c -> {
            long countyAt = scope.itemCodes() != null ? countyLast(c, scope.countyCode()) : -1;
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
            List<ServedPage.Line> changes = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            boolean more = false;
            long bytes = 0;
            try (PreparedStatement ps = c.prepareStatement(pageQuery(scope, size + 1))) {
                bind(ps, scope, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] body = rs.getBytes(2);
                        long length = body.length;
                        // bounded by count and by size: at least one ticket, then no more than
                        // WireLimits.PAGE_TICKET_BYTES
                        if (changes.size() == size
                                || (!changes.isEmpty() && bytes + length > WireLimits.PAGE_TICKET_BYTES)) {
                            more = true;
                            break;
                        }
                        bytes += length;
                        changes.add(new ServedPage.Line(rs.getLong(1), body));
                        ids.add(rs.getObject(3, UUID.class));
                    }
                }
            }
            long next =
                    changes.isEmpty() ? after : changes.get(changes.size() - 1).changeNo();
            // tickets that left the scope up to the page's end (on a last page, up to the county's
            // number read first, or the page's last change if later)
            List<UUID> left = new ArrayList<>();
            if (scope.itemCodes() != null) {
                long lastLeft = handovers(c, scope, after, more ? next : Math.max(next, countyAt), left);
                if (!more) {
                    next = Math.max(next, lastLeft);
                }
            }
            // a cursor past the county's last change is a number of another store, or of this one
            // before a restore: the PC pulls again from the start (an empty page is the only one
            // it can be; its county's number is read once more only then)
            boolean ahead = changes.isEmpty()
                    && after > 0
                    && (scope.itemCodes() != null ? countyAt : countyLast(c, scope.countyCode())) < after;
            StoreIds store = storeIds.get();
            return new ServedPage(
                    changes,
                    next,
                    more,
                    total,
                    left,
                    sayHeld ? held(c, ids) : null,
                    store.current(),
                    store.earlier(),
                    ahead);
        });
    }

    /** The county's last change number as committed now, or -1 if it has no counter yet. */
    private static long countyLast(Connection c, String county) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT last_change FROM county_change_counter WHERE county_code = ?")) {
            ps.setString(1, county);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** The tickets of a scope changed after a cursor (parameters: county, cursor, then the scope's). */
    private static String inScopeAfter(TicketScope scope) {
        StringBuilder where = new StringBuilder(" FROM central_ticket WHERE county_code = ? AND change_no > ?");
        appendScope(where, scope, "");
        return where.toString();
    }

    /**
     * A page's query: the first {@code rows} changes after the cursor, in order. It orders by the
     * index's own columns, county first: ordered by the change number alone, H2 read every row
     * after the cursor (each with its whole line) and sorted them to keep a page, so a pull of
     * 50,000 tickets read 1.25 million rows instead of 50,000 (PostgreSQL reads the same index
     * either way).
     */
    static String pageQuery(TicketScope scope, int rows) {
        return "SELECT change_no, body, id" + inScopeAfter(scope) + " ORDER BY county_code, change_no FETCH FIRST "
                + rows + " ROWS ONLY";
    }

    /** The attachments these tickets name that are stored whole (not those still being uploaded). */
    private static List<String> held(Connection c, List<UUID> tickets) throws SQLException {
        Set<String> held = new TreeSet<>();
        for (int from = 0; from < tickets.size(); from += HELD_QUERY) {
            List<UUID> part = tickets.subList(from, Math.min(tickets.size(), from + HELD_QUERY));
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT a.sha256 FROM ticket_attachment a"
                    + " JOIN attachment s ON s.sha256 = a.sha256 WHERE a.ticket_id IN ("
                    + "?,".repeat(part.size() - 1) + "?)")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setObject(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        held.add(rs.getString(1));
                    }
                }
            }
        }
        return List.copyOf(held);
    }

    /**
     * The tickets moved from an item of an item-bound scope (a department's) to another item, with
     * change numbers in ({@code after}, {@code upTo}]; returns the last such number, or {@code after}.
     */
    private static long handovers(Connection c, TicketScope scope, long after, long upTo, List<UUID> into)
            throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT change_no, ticket_id FROM central_handover WHERE county_code = ? AND change_no > ?"
                        + " AND change_no <= ?");
        sql.append(" AND from_item IN (")
                .append("?,".repeat(Math.max(0, scope.itemCodes().size() - 1)))
                .append(scope.itemCodes().isEmpty() ? "NULL" : "?")
                .append(')');
        if (scope.townshipCode() != null) {
            sql.append(" AND township_code = ?");
        }
        sql.append(" ORDER BY change_no");
        long last = after;
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, scope.countyCode());
            ps.setLong(2, after);
            ps.setLong(3, upTo);
            bindScope(ps, scope, 4);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                    into.add(rs.getObject(2, UUID.class));
                }
            }
        }
        return last;
    }

    static void bind(PreparedStatement ps, TicketScope scope, long after) throws SQLException {
        ps.setString(1, scope.countyCode());
        ps.setLong(2, after);
        bindScope(ps, scope, 3);
    }

    /** The scope's item and township conditions (the county is the caller's to bind first). */
    private static void appendScope(StringBuilder sql, TicketScope scope, String alias) {
        if (scope.itemCodes() != null) {
            sql.append(" AND ")
                    .append(alias)
                    .append("item_code IN (")
                    .append("?,".repeat(Math.max(0, scope.itemCodes().size() - 1)))
                    .append(scope.itemCodes().isEmpty() ? "NULL" : "?")
                    .append(')');
        }
        if (scope.townshipCode() != null) {
            sql.append(" AND ").append(alias).append("township_code = ?");
        }
    }

    private static void bindScope(PreparedStatement ps, TicketScope scope, int from) throws SQLException {
        int i = from;
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
