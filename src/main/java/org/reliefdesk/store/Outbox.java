package org.reliefdesk.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Session;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.sync.OperationCodec;
import org.reliefdesk.model.TicketHistory;

/**
 * Local changes waiting for (or answered by) the central store. An operation is added in the
 * same transaction as the change it describes, so a change is never stored without it. Rows are
 * never deleted: refused and discarded operations stay, with the reason and the central
 * store's version of the ticket at that time.
 */
public final class Outbox {

    private static final String COLUMNS =
            "SELECT op_id, seq, ticket_id, body, created_by, created_at, state, reason_key,"
                    + " reason, central_ticket, settled_at FROM outbox";

    private final LocalStore store;

    Outbox(LocalStore store) {
        this.store = store;
    }

    /** Where one operation stands. */
    public enum State {
        PENDING,
        APPLIED,
        REJECTED,
        CONFLICT,
        DISCARDED,
        REAPPLIED
    }

    /** What a ticket shows: the state of its latest operation (synced when it has none waiting). */
    public enum TicketSync {
        SYNCED,
        PENDING,
        CONFLICT,
        REJECTED
    }

    /** One row of the outbox. */
    public record Entry(
            UUID opId,
            long seq,
            UUID ticketId,
            Operation operation,
            String createdBy,
            Instant createdAt,
            State state,
            String reasonKey,
            String reason,
            String centralTicket,
            Instant settledAt) {}

    /** Adds an operation inside the transaction that makes its change. */
    static void add(Session s, Operation op, String user, Instant now) {
        s.createNativeMutationQuery(
                        "INSERT INTO outbox (op_id, ticket_id, kind, created_by, created_at, body, state, made_for)"
                                + " VALUES (:id, :ticket, :kind, :user, :at, :body, 'PENDING',"
                                + " (SELECT fact_value FROM sync_state WHERE fact_name = :store))")
                .setParameter("store", SyncFacts.storeFact(user))
                .setParameter("id", op.opId())
                .setParameter("ticket", op.ticketId())
                .setParameter("kind", op.kind().name())
                .setParameter("user", user)
                .setParameter("at", now.truncatedTo(ChronoUnit.MICROS))
                .setParameter("body", OperationCodec.write(op))
                .executeUpdate();
    }

    /** Operations of {@code user} still to push, oldest first. */
    public List<Entry> pending(String user, int limit) {
        return store.readJdbc(c -> entries(Sql.rows(
                c,
                COLUMNS + " WHERE state = 'PENDING' AND created_by = ? ORDER BY seq FETCH FIRST ? ROWS ONLY",
                user,
                limit)));
    }

    /**
     * Operations of {@code user} still to push to the store that goes by the ids of {@code line}
     * (now first; empty: a store that never said its id), oldest first: those made against it,
     * and those made before any store said its id. Work made against another store waits.
     */
    public List<Entry> pendingFor(String user, List<String> line, int limit) {
        if (line.isEmpty()) {
            return pending(user, limit);
        }
        List<Object> args = new ArrayList<>(List.of(user));
        args.addAll(line);
        args.add(limit);
        return store.readJdbc(c -> entries(Sql.rows(
                c,
                COLUMNS + " WHERE state = 'PENDING' AND created_by = ? AND (made_for IS NULL OR made_for IN ("
                        + Sql.marks(line.size()) + ")) ORDER BY seq FETCH FIRST ? ROWS ONLY",
                args.toArray())));
    }

    /** How many operations of {@code user} wait for a store other than the one of {@code line}: held, not pushed. */
    public long heldFrom(String user, List<String> line) {
        if (line.isEmpty()) {
            return 0;
        }
        return store.readJdbc(
                c -> Sql.column(c, Long.class, "SELECT COUNT(*) FROM outbox" + heldWhere(line), heldArgs(user, line))
                        .get(0));
    }

    /** The operations {@link #heldFrom} counts, oldest first. */
    public List<Entry> held(String user, List<String> line) {
        if (line.isEmpty()) {
            return List.of();
        }
        return store.readJdbc(
                c -> entries(Sql.rows(c, COLUMNS + heldWhere(line) + " ORDER BY seq", heldArgs(user, line))));
    }

    /**
     * Which operations are held, the one place that says it: {@code user}'s waiting work made for a
     * store that has gone by none of the ids of {@code line} ({@link #heldArgs} binds them).
     */
    private static String heldWhere(List<String> line) {
        return " WHERE state = 'PENDING' AND created_by = ? AND made_for IS NOT NULL AND made_for NOT IN ("
                + Sql.marks(line.size()) + ")";
    }

    /** The values {@link #heldWhere} asks for, then {@code more} for what a caller adds after it. */
    private static Object[] heldArgs(String user, List<String> line, Object... more) {
        List<Object> args = new ArrayList<>(List.of(user));
        args.addAll(line);
        args.addAll(List.of(more));
        return args.toArray();
    }

    /**
     * What the conflicts page lists for {@code user}, whose store goes by the ids of {@code line}:
     * the operations refused or in conflict ({@link #unsettled}), then theirs held for another store.
     */
    public List<Entry> toSettle(String user, List<String> line) {
        List<Entry> all = new ArrayList<>(unsettled());
        all.addAll(held(user, line));
        return all;
    }

    /**
     * Gives up {@code user}'s work on one ticket that waits for another store than the one of
     * {@code line} (a training store the PC no longer syncs with, say): every such operation of the
     * ticket is marked discarded, as one would be after a conflict, and is never pushed. Unless other
     * work on it waits, the ticket leaves this PC, and every user's pulls start from the beginning
     * again, so the store each follows sends its own version back if it holds one. Work made for
     * the store of {@code line}, and other users' work, is left as it is.
     *
     * @return how many operations were given up, and whether the ticket left this PC
     */
    public GivenUp discardHeld(String user, List<String> line, UUID ticketId, Instant now) {
        if (line.isEmpty()) {
            return new GivenUp(0, false);
        }
        return store.inJdbcTransaction(c -> {
            List<UUID> ops = Sql.column(
                    c,
                    UUID.class,
                    "SELECT op_id FROM outbox" + heldWhere(line) + " AND ticket_id = ?",
                    heldArgs(user, line, ticketId));
            if (ops.isEmpty()) {
                return new GivenUp(0, false);
            }
            for (UUID op : ops) {
                settle(c, op, State.DISCARDED, null, null, null, now);
            }
            if (!lockAndFindUnsynced(c, List.of(ticketId)).isEmpty()) {
                return new GivenUp(ops.size(), false);
            }
            CentralCopies.remove(c, ticketId);
            SyncFacts.resetEveryCursor(c);
            return new GivenUp(ops.size(), true);
        });
    }

    /** What {@link #discardHeld} gave up: its operations, and whether the ticket left this PC (no other work on it waits). */
    public record GivenUp(int operations, boolean ticketRemoved) {}

    /**
     * Counts {@code user}'s operations made against the store that went by the ids of {@code line}
     * as made against {@code store}: the same store, found restored or renewed under a new id.
     */
    public void madeFor(String user, List<String> line, String store) {
        if (line.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(List.of(store, user));
        args.addAll(line);
        this.store.inJdbcTransaction(c -> Sql.update(
                c,
                "UPDATE outbox SET made_for = ? WHERE created_by = ? AND made_for IN (" + Sql.marks(line.size()) + ")",
                args.toArray()));
    }

    /**
     * Operations of {@code user} the central store applied, oldest first: what a store restored
     * from a backup may have lost ({@link #sendAgain}).
     */
    public List<Entry> applied(String user) {
        return store.readJdbc(
                c -> entries(Sql.rows(c, COLUMNS + " WHERE state = 'APPLIED' AND created_by = ? ORDER BY seq", user)));
    }

    /**
     * Puts operations the central store applied back among those waiting: it was restored from a
     * backup taken before they arrived, and holds neither their changes nor their ids, so they are
     * sent again as they were (their ids, times and the history they were made on). Only applied
     * ones move; any other is left as it stands.
     *
     * @return how many were put back
     */
    public int sendAgain(List<UUID> opIds) {
        if (opIds.isEmpty()) {
            return 0;
        }
        return store.inJdbcTransaction(c -> {
            int n = 0;
            for (List<UUID> part : Sql.parts(opIds)) {
                n += Sql.update(
                        c,
                        "UPDATE outbox SET state = 'PENDING', reason_key = NULL, reason = NULL, central_ticket = NULL,"
                                + " settled_at = NULL WHERE state = 'APPLIED' AND op_id IN ("
                                + Sql.marks(part.size()) + ")",
                        Sql.args(part));
            }
            return n;
        });
    }

    /** Every operation still waiting, by anyone (the status bar's count). */
    public long pendingCount() {
        return store.readJdbc(c -> Sql.column(c, Long.class, "SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'")
                .get(0));
    }

    /** Operations refused or in conflict, newest first: what the conflicts view lists. */
    public List<Entry> unsettled() {
        return store.readJdbc(
                c -> entries(Sql.rows(c, COLUMNS + " WHERE state IN ('CONFLICT', 'REJECTED') ORDER BY seq DESC")));
    }

    /** Every operation, newest first (the history of what this PC sent). */
    public List<Entry> all() {
        return store.readJdbc(c -> entries(Sql.rows(c, COLUMNS + " ORDER BY seq DESC")));
    }

    public Optional<Entry> find(UUID opId) {
        return store.readJdbc(c -> find(c, opId));
    }

    static Optional<Entry> find(Connection c, UUID opId) throws SQLException {
        return entries(Sql.rows(c, COLUMNS + " WHERE op_id = ?", opId)).stream().findFirst();
    }

    /** Each ticket with operations, and the state of its latest one. */
    public Map<UUID, TicketSync> ticketStates() {
        return store.readJdbc(c -> {
            Map<UUID, TicketSync> states = new HashMap<>();
            List<Object[]> rows = Sql.rows(
                    c,
                    "SELECT o.ticket_id, o.state FROM outbox o WHERE o.seq ="
                            + " (SELECT MAX(p.seq) FROM outbox p WHERE p.ticket_id = o.ticket_id)");
            for (Object[] r : rows) {
                State st = State.valueOf((String) r[1]);
                states.put(
                        uuid(r[0]),
                        switch (st) {
                            case PENDING -> TicketSync.PENDING;
                            case CONFLICT -> TicketSync.CONFLICT;
                            case REJECTED -> TicketSync.REJECTED;
                            default -> TicketSync.SYNCED;
                        });
            }
            return states;
        });
    }

    /**
     * Tickets opened on this PC whose opening the central store has not taken yet: their number
     * is this PC's provisional one (the central store gives the final one).
     */
    public Set<UUID> provisional() {
        return store.readJdbc(c -> Set.copyOf(Sql.column(
                c,
                UUID.class,
                "SELECT DISTINCT ticket_id FROM outbox WHERE kind = 'OPEN' AND state IN ('PENDING', 'CONFLICT')")));
    }

    /**
     * Tickets a pull must not overwrite: a change of theirs waits or is in conflict. Every caller
     * overwrites or removes the others in the same transaction, so their rows are locked first:
     * an action being saved on one of them (its event and operation written, the ticket's row
     * updated, not yet committed) is waited for and then seen here, and one saved later waits for
     * this transaction and then finds the ticket changed. Without the lock a pull read the outbox
     * before the action committed and removed a ticket it no longer held, leaving the action's
     * event and operation behind (PullWriteTest).
     */
    static Set<UUID> lockAndFindUnsynced(Connection c, List<UUID> among) throws SQLException {
        return lock(c, among).unsynced();
    }

    /**
     * What {@link #lock} found: the tickets this PC holds (their rows locked) and those a pull must
     * not overwrite.
     */
    record Held(Set<UUID> present, Set<UUID> unsynced) {}

    /**
     * {@link #lockAndFindUnsynced}, and the tickets found while locking. The outbox is read after
     * the locks (an action committed meanwhile is seen), and only when some change waits at all:
     * a first pull writes pages of new tickets with an empty outbox.
     */
    static Held lock(Connection c, List<UUID> among) throws SQLException {
        Set<UUID> present = new HashSet<>();
        for (List<UUID> part : Sql.parts(among)) {
            present.addAll(Sql.column(
                    c,
                    UUID.class,
                    "SELECT id FROM ticket WHERE id IN (" + Sql.marks(part.size()) + ") FOR UPDATE",
                    Sql.args(part)));
        }
        Set<UUID> unsynced = new HashSet<>();
        if (Sql.column(c, Integer.class, "SELECT 1 FROM outbox WHERE state IN ('PENDING', 'CONFLICT') LIMIT 1")
                .isEmpty()) {
            return new Held(present, unsynced);
        }
        for (List<UUID> part : Sql.parts(among)) {
            unsynced.addAll(Sql.column(
                    c,
                    UUID.class,
                    "SELECT DISTINCT ticket_id FROM outbox WHERE state IN ('PENDING', 'CONFLICT')"
                            + " AND ticket_id IN (" + Sql.marks(part.size()) + ")",
                    Sql.args(part)));
        }
        return new Held(present, unsynced);
    }

    /**
     * The central store's answer to one pushed operation. {@code central} is the ticket as the
     * central store holds it now (null when it holds none), {@code centralLine} the same as sent.
     */
    public record Answer(
            UUID opId,
            UUID ticketId,
            State state,
            String reasonKey,
            String reason,
            String centralLine,
            TicketHistory central) {}

    /**
     * Records answers, each with what it means for the local ticket: applied → the central
     * version is taken (it may carry the final ticket number); refused → the ticket goes back to
     * the central version (the operation keeps what was typed); conflict → the local version
     * stays until the user re-applies or discards. {@code username}: who pushed them, to the
     * store their cursor follows (the central versions are that store's). Returns the other
     * tickets here moved to another number to make way for a central version's.
     */
    public Set<UUID> record(List<Answer> answers, String username, Instant now) {
        return store.inJdbcTransaction(c -> {
            String fromStore = SyncFacts.storeOf(c, username);
            Set<UUID> renumbered = new HashSet<>();
            for (Answer a : answers) {
                settle(
                        c,
                        a.opId(),
                        a.state(),
                        a.reasonKey(),
                        a.reason(),
                        a.state() == State.APPLIED ? null : a.centralLine(),
                        now);
                if (a.state() == State.CONFLICT
                        || !lockAndFindUnsynced(c, List.of(a.ticketId())).isEmpty()) {
                    continue;
                }
                renumbered.addAll(restore(c, a.ticketId(), a.central(), fromStore));
            }
            return renumbered;
        });
    }

    /**
     * Discards an operation after a conflict or refusal: the ticket goes back to the central
     * store's version; the operation stays in the outbox, marked discarded. Returns the other
     * tickets here moved to another number to make way for the central version's.
     */
    public Set<UUID> discard(UUID opId, TicketHistory central, Instant now) {
        return store.inJdbcTransaction(c -> {
            Entry e = find(c, opId).orElseThrow(() -> new IllegalArgumentException("no operation " + opId));
            if (e.state() != State.CONFLICT && e.state() != State.REJECTED) {
                throw new IllegalStateException("operation " + opId + " is " + e.state() + ", not in conflict");
            }
            settle(c, opId, State.DISCARDED, e.reasonKey(), e.reason(), e.centralTicket(), now);
            if (lockAndFindUnsynced(c, List.of(e.ticketId())).isEmpty()) {
                return restore(c, e.ticketId(), central, SyncFacts.storeOf(c, e.createdBy()));
            }
            return Set.<UUID>of();
        });
    }

    /**
     * Puts the central version of a ticket in place of the local one, as the store {@code fromStore}
     * sent it (or removes a ticket it does not hold). Returns the other tickets moved to make way
     * for its number.
     */
    static Set<UUID> restore(Connection c, UUID ticketId, TicketHistory central, String fromStore) throws SQLException {
        if (central != null) {
            return CentralCopies.put(c, List.of(ReadyTicket.of(central)), fromStore);
        }
        CentralCopies.remove(c, ticketId);
        return Set.of();
    }

    static void settle(
            Connection c, UUID opId, State state, String reasonKey, String reason, String centralTicket, Instant now)
            throws SQLException {
        Sql.update(
                c,
                "UPDATE outbox SET state = ?, reason_key = ?, reason = ?, central_ticket = ?, settled_at = ?"
                        + " WHERE op_id = ?",
                state.name(),
                reasonKey,
                reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason,
                centralTicket,
                now.truncatedTo(ChronoUnit.MICROS),
                opId);
    }

    private static List<Entry> entries(List<Object[]> rows) {
        List<Entry> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Entry(
                    uuid(r[0]),
                    ((Number) r[1]).longValue(),
                    uuid(r[2]),
                    OperationCodec.readOperation(text(r[3])),
                    (String) r[4],
                    instant(r[5]),
                    State.valueOf((String) r[6]),
                    (String) r[7],
                    (String) r[8],
                    text(r[9]),
                    instant(r[10])));
        }
        return out;
    }

    /** A UUID column as a native query returns it (H2 gives its 16 bytes). */
    static UUID uuid(Object o) {
        if (o instanceof UUID u) {
            return u;
        }
        if (o instanceof byte[] b && b.length == 16) {
            ByteBuffer buf = ByteBuffer.wrap(b);
            return new UUID(buf.getLong(), buf.getLong());
        }
        return UUID.fromString(o.toString());
    }

    /** A text column as {@link Sql#rows} gives it (a CLOB read as a string already). */
    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected time value " + o.getClass());
    }
}
