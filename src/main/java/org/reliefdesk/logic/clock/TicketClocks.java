package org.reliefdesk.logic.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.reliefdesk.logic.calendar.Deadline;
import org.reliefdesk.logic.calendar.WorkingCalendar;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.ClockKind;
import org.reliefdesk.logic.catalog.DueSoonRule;
import org.reliefdesk.logic.catalog.StepDef;
import org.reliefdesk.logic.catalog.SupervisionRule;
import org.reliefdesk.logic.catalog.WorkflowDef;
import org.reliefdesk.logic.workflow.ItemPath;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketStatus;

/**
 * Computes a ticket's clocks from its history, the catalog's limits and the official
 * calendar — nothing is stored, so a calendar change shows on the next computation.
 *
 * <p>Conventions: a step is entered by the event that moved the ticket into it (the first
 * step by dispatch); a step entered again after waiting for material starts a fresh limit
 * (补齐材料后重新计时). The supervision clock (督办) starts at submission — the resident has been
 * waiting since then, dispatched or not — stops at conclusion (办结: the result fed back), and does
 * not pause unless the catalog says so. The follow-up visit after conclusion keeps its step clock.
 * A ticket moved to another item (转派, 重新派单) starts the new department's first step with a
 * fresh limit; its supervision clock goes on from submission (the resident is still waiting).
 */
public final class TicketClocks {

    private final Catalog catalog;
    private final WorkingCalendar calendar;

    public TicketClocks(Catalog catalog, WorkingCalendar calendar) {
        this.catalog = catalog;
        this.calendar = calendar;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /**
     * Whether the clocks read this entry at all: dispatch (the first step begins) or an entry that
     * names the step after it. Everything else of a history may be left out of {@link #compute}.
     */
    public static boolean readsEntry(TicketEvent e) {
        return TicketEvent.DISPATCH.equals(e.action()) || e.toStep() != null;
    }

    public TicketClock compute(Ticket ticket, List<TicketEvent> history, Instant now) {
        // a ticket moved to another item (转派) reads each visit with the deadlines of the item it was under
        WorkflowDef workflow = workflowOf(ItemPath.first(ticket.itemCode(), history), ticket);
        Instant start = ticket.submittedAt();
        Instant end = ticket.concludedAt() != null ? ticket.concludedAt() : now;
        List<StepTiming> steps = new ArrayList<>();
        String step = null;
        Instant entered = null;
        boolean estimated = false;
        Duration paused = Duration.ZERO;
        for (TicketEvent e : history) {
            boolean opens = TicketEvent.DISPATCH.equals(e.action()) && step == null;
            // another department's first step starts a fresh limit even where the step's name is the same
            boolean switches = step != null && e.changesItem();
            boolean moves = step != null
                    && e.toStep() != null
                    && (switches || !e.toStep().equals(step));
            if (!opens && !moves) {
                continue;
            }
            if (moves) {
                StepTiming done = visit(workflow, step, entered, e.at(), now);
                steps.add(done);
                estimated |= done.estimated();
                paused = paused.plus(pausedPart(workflow, done, now));
            }
            if (switches) {
                workflow = workflowOf(e.itemAfter(), ticket);
            }
            step = e.toStep() != null ? e.toStep() : ticket.currentStep();
            entered = e.at();
        }
        if (step != null && !workflow.isTerminal(step)) {
            StepTiming current = visit(workflow, step, entered, null, now);
            steps.add(current);
            estimated |= current.estimated();
            paused = paused.plus(pausedPart(workflow, current, now));
        }

        SupervisionRule rule = catalog.supervision();
        Deadline supervised = limit(rule.clock(), start, rule.days());
        Deadline soon = limit(rule.clock(), start, rule.dueSoonFromDay());
        Instant supervisedFrom = supervised.due();
        Instant supervisionSoon = soon.due().minus(Duration.ofDays(1)); // the start of that day
        if (!rule.pausedTimeCounts()) {
            supervisedFrom = supervisedFrom.plus(paused);
            supervisionSoon = supervisionSoon.plus(paused);
        }
        estimated |= supervised.estimated();

        LadderState state;
        Instant since;
        StepTiming current = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (ticket.status() == TicketStatus.CONCLUDED) {
            state = LadderState.CONCLUDED;
            since = ticket.concludedAt();
        } else if (!now.isBefore(supervisedFrom)) {
            state = LadderState.SUPERVISED;
            since = supervisedFrom;
        } else if (current != null && current.left() == null && current.state() == StepState.OVERDUE) {
            state = LadderState.STEP_OVERDUE;
            since = current.stateSince();
        } else if (current != null && current.left() == null && current.state() == StepState.DUE_SOON) {
            state = LadderState.DUE_SOON;
            since = !now.isBefore(supervisionSoon) && supervisionSoon.isBefore(current.stateSince())
                    ? supervisionSoon
                    : current.stateSince();
        } else if (!now.isBefore(supervisionSoon)) {
            state = LadderState.DUE_SOON;
            since = supervisionSoon;
        } else {
            state = LadderState.ON_TIME;
            since = start;
        }
        Duration open = Duration.between(ticket.submittedAt(), end);
        return new TicketClock(
                List.copyOf(steps),
                start,
                supervisedFrom,
                supervisionSoon,
                state,
                since,
                open.isNegative() ? Duration.ZERO : open,
                paused,
                estimated);
    }

    /**
     * The item's workflow; an item the catalog does not know (only a damaged stored text can name
     * one: histories are checked when they come in) reads as the ticket's own, so one bad row never
     * stops a county's clocks.
     */
    private WorkflowDef workflowOf(String item, Ticket ticket) {
        return catalog.workflowOf(catalog.item(item).isPresent() ? item : ticket.itemCode());
    }

    private StepTiming visit(WorkflowDef workflow, String step, Instant entered, Instant left, Instant now) {
        StepDef def = workflow.step(step).orElse(new StepDef(step, null, false, false, false));
        if (def.pausesClock() || def.deadline() == null || def.terminal()) {
            StepState s =
                    left != null ? StepState.DONE_ON_TIME : def.pausesClock() ? StepState.PAUSED : StepState.NO_LIMIT;
            return new StepTiming(step, entered, left, null, null, s, left != null ? left : entered, false);
        }
        Deadline d = limit(def.deadline().clock(), entered, def.deadline().amount());
        Instant soon = dueSoonFrom(def.deadline().clock(), d.due());
        StepState state;
        Instant since;
        if (left != null) {
            state = left.isBefore(d.due()) ? StepState.DONE_ON_TIME : StepState.DONE_LATE;
            since = left;
        } else if (!now.isBefore(d.due())) {
            state = StepState.OVERDUE;
            since = d.due();
        } else if (!now.isBefore(soon)) {
            state = StepState.DUE_SOON;
            since = soon;
        } else {
            state = StepState.ON_TIME;
            since = entered;
        }
        return new StepTiming(step, entered, left, d.due(), soon, state, since, d.estimated());
    }

    private static Duration pausedPart(WorkflowDef workflow, StepTiming t, Instant now) {
        boolean pauses = workflow.step(t.step()).map(StepDef::pausesClock).orElse(false);
        return pauses ? Duration.between(t.entered(), t.left() != null ? t.left() : now) : Duration.ZERO;
    }

    private Deadline limit(ClockKind kind, Instant from, int amount) {
        return switch (kind) {
            case HOURS -> calendar.addHours(from, amount);
            case WORKING_DAYS -> calendar.addWorkingDays(from, amount);
            case CALENDAR_DAYS -> calendar.addCalendarDays(from, amount);
        };
    }

    /** The start of the last N working days up to the limit's last day, or the last N hours. */
    private Instant dueSoonFrom(ClockKind kind, Instant due) {
        DueSoonRule rule = catalog.dueSoon();
        if (kind == ClockKind.HOURS) {
            return due.minus(Duration.ofHours(rule.hoursBefore()));
        }
        LocalDate day = due.minusSeconds(1).atZone(ChinaTime.ZONE).toLocalDate();
        int counted = 0;
        LocalDate first = day;
        for (LocalDate d = day;
                counted < rule.workingDaysBefore() && d.isAfter(day.minusDays(60));
                d = d.minusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                counted++;
                first = d;
            }
        }
        return first.atStartOfDay(ChinaTime.ZONE).toInstant();
    }
}
