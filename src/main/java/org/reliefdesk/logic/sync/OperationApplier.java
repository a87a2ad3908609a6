package org.reliefdesk.logic.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.interchange.LineRejectedException;
import org.reliefdesk.logic.interchange.TicketBounds;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.workflow.AppliedAction;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;

/**
 * The central store's rules for one pushed operation: the same workflow engine and opening
 * rules as on the county PC, applied again on the central copy with the user's own scope. Pure:
 * it reads the current history and returns the new one, or why not.
 */
public final class OperationApplier {

    /** How far ahead of the central store's clock a client's clock may run before its times are refused. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    /**
     * How far before the user's previous sign-in on the same PC its work may be dated: work done
     * offline comes after an online sign-in (offline sign-in needs one), so an earlier time is a
     * wrong PC clock or a back-dated action. Two days leave room for a PC clock set a day wrong.
     */
    public static final Duration OFFLINE_ALLOWANCE = Duration.ofDays(2);

    /** What became of one operation. */
    public sealed interface Decision {}

    public record Applied(TicketHistory after) implements Decision {}

    public record Refused(OpResult.Outcome outcome, InvalidFieldException why) implements Decision {}

    private final Catalog catalog;
    private final TicketLineCodec codec;

    public OperationApplier(Catalog catalog) {
        this.catalog = catalog;
        this.codec = new TicketLineCodec(catalog);
    }

    /**
     * @param current   the ticket as the central store holds it, or null when it has none
     * @param now       the central store's clock
     * @param notBefore the earliest time this caller's work can carry: their previous sign-in on
     *                  this PC less the offline allowance ({@link #OFFLINE_ALLOWANCE})
     */
    public Decision apply(Operation op, TicketHistory current, User user, Instant now, Instant notBefore) {
        try {
            return switch (op.kind()) {
                case ACT -> act(op, current, user, now, notBefore);
                case OPEN -> open(op, current, user, now, notBefore);
            };
        } catch (InvalidFieldException e) {
            return new Refused(OpResult.Outcome.REJECTED, e);
        }
    }

    /** Whether the ticket is one this user may see: the only tickets an answer may carry. */
    public boolean inScope(TicketHistory ticket, User user) {
        return ticket != null && TicketScope.of(user, catalog).covers(ticket.ticket());
    }

    private Decision act(Operation op, TicketHistory current, User user, Instant now, Instant notBefore) {
        // Unknown and out of scope are one answer: a ticket number tried is never confirmed to exist.
        if (current == null || !inScope(current, user)) {
            throw new InvalidFieldException("ticketId", "sync.rule.noTicket");
        }
        Ticket ticket = current.ticket();
        if (op.baseSeq() == null || op.action() == null || op.at() == null || op.eventId() == null) {
            throw new InvalidFieldException("operation", "sync.rule.incomplete");
        }
        int last = current.events().size();
        if (op.baseSeq() != last) {
            return new Refused(
                    OpResult.Outcome.CONFLICT,
                    new InvalidFieldException("ticketId", "sync.rule.movedOn", op.baseSeq(), last));
        }
        Instant previous = current.events().isEmpty()
                ? null
                : current.events().get(last - 1).at();
        checkTime(
                op.at(),
                now,
                previous == null || (notBefore != null && previous.isBefore(notBefore)) ? notBefore : previous);
        TicketBounds.multiLine("note", op.note(), TicketBounds.MAX_NOTE);
        TicketBounds.form("", op.form() == null ? Map.of() : op.form(), 0);
        WorkflowEngine engine = new WorkflowEngine(catalog, Clock.fixed(op.at(), ChinaTime.ZONE), op::eventId);
        AppliedAction applied = engine.apply(
                ticket, current.events(), user, op.action(), op.form() == null ? Map.of() : op.form(), op.note());
        List<TicketEvent> events = new ArrayList<>(current.events());
        events.add(applied.event().receivedAt(now));
        return new Applied(new TicketHistory(applied.ticket(), events));
    }

    /**
     * A staff-opened ticket is stored as the central store's own {@link TicketOpening} result,
     * rebuilt from the request's parts (item, places, applicant, channel, who raised it, the
     * application form), the PC's ids and the time it was opened: a step, status, conclusion or
     * history the PC claims is never taken. Its number is the central store's to give.
     */
    private Decision open(Operation op, TicketHistory current, User user, Instant now, Instant notBefore) {
        if (current != null) {
            throw new InvalidFieldException("ticketId", "sync.rule.exists");
        }
        if (op.line() == null || op.line().length() > TicketBounds.MAX_LINE_CHARS) {
            throw new InvalidFieldException("line", "sync.rule.incomplete");
        }
        TicketHistory sent;
        try {
            sent = codec.read(op.line(), 1, LocalDate.now(Clock.fixed(now, ChinaTime.ZONE)));
        } catch (LineRejectedException e) {
            throw e.problem();
        }
        Ticket t = sent.ticket();
        if (!t.id().equals(op.ticketId())) {
            throw new InvalidFieldException("ticketId", "sync.rule.incomplete");
        }
        List<TicketEvent> events = sent.events();
        if (events.size() != 2
                || !"submit".equals(events.get(0).action())
                || !user.username().equals(events.get(0).actor())
                || !TicketEvent.DISPATCH.equals(events.get(1).action())
                || !TicketEvent.PLATFORM.equals(events.get(1).actor())) {
            throw new InvalidFieldException("events", "sync.rule.openShape");
        }
        if (!TicketScope.of(user, catalog).covers(t)) {
            throw new InvalidFieldException("ticketId", "sync.rule.outOfScope");
        }
        Instant opened = events.get(0).at();
        checkTime(opened, now, notBefore);
        // The same checks as when it was opened on the county PC: role, department, county,
        // township, village, ID number, phone, channel and the item's application form.
        TicketHistory own = new TicketOpening(catalog, Clock.fixed(opened, ChinaTime.ZONE))
                .open(
                        new TicketOpening.Request(
                                t.itemCode(),
                                t.county(),
                                t.township(),
                                t.village(),
                                t.applicant().name(),
                                t.applicant().idNumber(),
                                t.applicant().phone(),
                                t.channel(),
                                t.raisedBy(),
                                events.get(0).formData()),
                        user,
                        new TicketOpening.Ids(
                                t.id(), events.get(0).id(), events.get(1).id()));
        TicketBounds.contents(own);
        return new Applied(new TicketHistory(
                own.ticket(), own.events().stream().map(e -> e.receivedAt(now)).toList()));
    }

    private static void checkTime(Instant at, Instant now, Instant notBefore) {
        if (at.isAfter(now.plus(CLOCK_TOLERANCE)) || (notBefore != null && at.isBefore(notBefore))) {
            throw new InvalidFieldException("at", "sync.rule.time", at.toString());
        }
    }
}
