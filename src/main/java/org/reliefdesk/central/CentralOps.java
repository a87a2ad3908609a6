package org.reliefdesk.central;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.reliefdesk.logic.ErrorIds;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sync.OpResult;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.sync.OperationApplier;
import org.reliefdesk.logic.sync.OperationCodec;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies pushed operations, each in its own transaction: an operation received before is
 * answered from the audit log (the same content) or refused as a conflict (other content under
 * the same id), never applied twice; a new one goes through the workflow rules for its user and
 * is recorded in the audit log whatever the outcome.
 */
public final class CentralOps {

    private static final Logger LOG = LoggerFactory.getLogger(CentralOps.class);

    private static final Set<String> SYNC_FIELDS = Set.of("ticketId", "opId", "operation", "at", "events", "action");

    private final CentralDatabase db;
    private final CentralTickets tickets;
    private final OperationApplier applier;
    private final Clock clock;
    private final Texts chinese = new Texts(Texts.CHINESE);

    public CentralOps(CentralDatabase db, CentralTickets tickets, Catalog catalog, Clock clock) {
        this.db = db;
        this.tickets = tickets;
        this.applier = new OperationApplier(catalog);
        this.clock = clock;
    }

    /**
     * Applies each operation in its own transaction. One that fails in the store (not by a rule)
     * is answered REJECTED with an error id found in the log, and the others are still applied:
     * one bad record never stops anyone else's work.
     */
    public List<OpResult> push(CentralUsers.Caller caller, List<Operation> ops) {
        List<OpResult> results = new ArrayList<>();
        for (Operation op : ops) {
            try {
                OpResult result = one(caller, op);
                // said after the commit: the county's next writer does not wait for the log
                LOG.info(
                        "Operation {} ({} on {}) by {} from {}: {}{}",
                        op.opId(),
                        op.kind(),
                        op.ticketId(),
                        caller.user().username(),
                        caller.clientId(),
                        result.outcome(),
                        result.reason() == null ? "" : " – " + result.reason());
                results.add(result);
            } catch (RuntimeException e) {
                String id = ErrorIds.log(
                        LOG, "Operation " + op.opId() + " by " + caller.user().username() + " failed", e);
                results.add(result(
                        op,
                        OpResult.Outcome.REJECTED,
                        new InvalidFieldException("operation", "sync.rule.failed", id),
                        null));
            }
        }
        return results;
    }

    private OpResult one(CentralUsers.Caller caller, Operation op) {
        User user = caller.user();
        if (op.opId() == null || op.kind() == null || op.ticketId() == null) {
            throw new IllegalArgumentException("an operation needs opId, kind and ticketId");
        }
        // The slow part, reading the ticket and replaying its history through the engine, is done
        // before the county's turn: every writer of the county waits while one has it.
        String seen = db.read(c -> tickets.line(c, op.ticketId()).orElse(null));
        Decided early = decide(op, seen, caller);
        String county = early.before() == null
                ? user.countyCode()
                : early.before().ticket().county().code();
        return tickets.writeInTurn(county, c -> inTurn(c, caller, op, seen, early, county));
    }

    private OpResult inTurn(
            Connection c, CentralUsers.Caller caller, Operation op, String seen, Decided early, String turnCounty)
            throws SQLException {
        User user = caller.user();
        // Every writer takes its county's counter first (the ticket's county, or the caller's own for
        // a ticket not held), so two servers given the same operation at once see each other's audit
        // row: the second answers from it. Other counties' writers do not wait. A ticket read before
        // the turn keeps its county (no action changes it): asked again only for one not held then.
        String county = early.before() != null
                ? turnCounty
                : tickets.countyOf(c, op.ticketId()).orElse(turnCounty);
        CentralTickets.HeldCounter counter = tickets.lockChanges(c, county);
        String hash = OperationCodec.hash(op);
        UnderTurn read = readUnderTurn(c, op);
        Optional<Earlier> earlier = read.earlier();
        String current = read.current();
        // Decided again only when someone changed the ticket in between.
        Decided decided = Objects.equals(seen, current) ? early : decide(op, current, caller);
        TicketHistory before = decided.before();
        // An answer carries a ticket only when it is the caller's to see.
        String visible = applier.inScope(before, user) ? current : null;
        if (earlier.isPresent()) {
            Earlier e = earlier.get();
            if (!e.hash().equals(hash) || !e.username().equals(user.username())) {
                return result(
                        op,
                        OpResult.Outcome.CONFLICT,
                        new InvalidFieldException("opId", "sync.rule.sameIdOtherContent"),
                        visible);
            }
            return e.result().asReplay(visible);
        }
        OperationApplier.Decision decision = decided.decision();
        if (decision instanceof OperationApplier.Applied applied && eventTaken(c, op, applied.after())) {
            decision = new OperationApplier.Refused(
                    OpResult.Outcome.REJECTED, new InvalidFieldException("eventId", "sync.rule.eventIdTaken"));
        }
        OpResult result;
        Long changeNo = null;
        if (decision instanceof OperationApplier.Applied applied) {
            CentralTickets.Saved saved = tickets.save(
                    c, counter, applied.after(), before == null, op.kind() == Operation.Kind.OPEN, clock.instant());
            changeNo = saved.changeNo();
            result = new OpResult(op.opId(), OpResult.Outcome.APPLIED, false, null, null, null, null, saved.body());
        } else {
            OperationApplier.Refused refused = (OperationApplier.Refused) decision;
            result = result(op, refused.outcome(), refused.why(), visible);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO applied_op (op_id, username, client_id, kind,"
                        + " ticket_id, payload_hash, outcome, reason, change_no, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, op.opId());
            ps.setString(2, user.username());
            ps.setString(3, caller.clientId());
            ps.setString(4, op.kind().name());
            ps.setObject(5, op.ticketId());
            ps.setString(6, hash);
            ps.setString(7, result.outcome().name());
            ps.setString(8, result.reason() == null ? null : reasonRecord(result));
            ps.setObject(9, changeNo);
            ps.setTimestamp(10, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        }
        return result;
    }

    /** A stored ticket as read, and what the engine decides about the operation on it. */
    private record Decided(TicketHistory before, OperationApplier.Decision decision) {}

    private Decided decide(Operation op, String line, CentralUsers.Caller caller) {
        TicketHistory before = line == null ? null : tickets.decode(line);
        return new Decided(before, applier.apply(op, before, caller.user(), clock.instant(), caller.notBefore()));
    }

    /** Whether an event the operation adds has an id another ticket already holds. */
    private static boolean eventTaken(Connection c, Operation op, TicketHistory after) throws SQLException {
        List<TicketEvent> events = after.events();
        List<TicketEvent> added =
                op.kind() == Operation.Kind.OPEN ? events : events.subList(events.size() - 1, events.size());
        for (TicketEvent e : added) {
            if (CentralTickets.eventOwner(c, e.id()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private OpResult result(Operation op, OpResult.Outcome outcome, InvalidFieldException why, String current) {
        List<String> args = why.args().stream().map(String::valueOf).toList();
        // A form field is named with the rule; a rule about the whole operation needs no field name.
        String text = SYNC_FIELDS.contains(why.field()) ? chinese.ruleText(why) : chinese.describe(why);
        return new OpResult(op.opId(), outcome, false, why.rule(), why.field(), args, text, current);
    }

    /** The audit row keeps the refusal as key|field|args|text, so a replay is answered as first given. */
    private static String reasonRecord(OpResult r) {
        String text = String.join("\u001f", r.reasonKey(), r.field(), String.join("\u001e", r.args()), r.reason());
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private record Earlier(String hash, String username, OpResult result) {}

    /** What a writer reads first in its turn: the audit row under the operation's id, and the ticket as held now. */
    private record UnderTurn(Optional<Earlier> earlier, String current) {}

    /**
     * Both in one statement: each statement is a round trip to the database while the county's
     * other writers wait for the turn (on PostgreSQL, most of a turn's time).
     */
    private static UnderTurn readUnderTurn(Connection c, Operation op) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.payload_hash, a.outcome, a.reason, a.username, t.body"
                + " FROM (SELECT 1 AS one) q LEFT JOIN applied_op a ON a.op_id = ?"
                + " LEFT JOIN central_ticket t ON t.id = ?")) {
            ps.setObject(1, op.opId());
            ps.setObject(2, op.ticketId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the one-row read under the turn returned no row");
                }
                byte[] body = rs.getBytes(5);
                return new UnderTurn(earlier(rs, op.opId()), body == null ? null : CentralTickets.text(body));
            }
        }
    }

    /** The audit row in columns 1–4 (hash, outcome, reason, username), if there is one. */
    private static Optional<Earlier> earlier(ResultSet rs, UUID opId) throws SQLException {
        String hash = rs.getString(1);
        if (hash == null) {
            // payload_hash is NOT NULL: null here is the outer join finding no row
            return Optional.empty();
        }
        OpResult.Outcome outcome = OpResult.Outcome.valueOf(rs.getString(2).toUpperCase(Locale.ROOT));
        String reason = rs.getString(3);
        if (reason == null) {
            return Optional.of(new Earlier(
                    hash, rs.getString(4), new OpResult(opId, outcome, true, null, null, null, null, null)));
        }
        String[] p = reason.split("\u001f", -1);
        List<String> args = p.length > 2 && !p[2].isEmpty() ? List.of(p[2].split("\u001e", -1)) : List.of();
        return Optional.of(new Earlier(
                hash,
                rs.getString(4),
                new OpResult(
                        opId,
                        outcome,
                        true,
                        p[0],
                        p.length > 1 ? p[1] : null,
                        args,
                        p.length > 3 ? p[3] : reason,
                        null)));
    }

    /** How many operations the audit log holds (tests and the admin list). */
    public long auditCount() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM applied_op");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
