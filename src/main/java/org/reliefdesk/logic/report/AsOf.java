package org.reliefdesk.logic.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.WorkflowDef;
import org.reliefdesk.logic.workflow.Conclusion;
import org.reliefdesk.logic.workflow.ItemPath;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;

/**
 * A ticket as it stood at a past moment, replayed from its history: only the events up to then,
 * and the step, status, conclusion and outcome they had produced. A report "as of 2026-11-20"
 * counts what was overdue that evening, not what is overdue today.
 */
public final class AsOf {

    private AsOf() {}

    /** Empty when the ticket had not been submitted yet at {@code at}. */
    public static Optional<TicketHistory> view(Catalog catalog, Ticket ticket, List<TicketEvent> history, Instant at) {
        if (ticket.submittedAt().isAfter(at)) {
            return Optional.empty();
        }
        List<TicketEvent> then = new ArrayList<>();
        for (TicketEvent e : history) {
            if (!e.at().isAfter(at)) {
                then.add(e);
            }
        }
        if (then.size() == history.size()) {
            return Optional.of(new TicketHistory(ticket, history));
        }
        // the item it was under then: one transferred later counts where it stood on that day
        String submitted = ItemPath.first(ticket.itemCode(), history);
        String item = submitted;
        for (TicketEvent e : then) {
            if (e.changesItem()) {
                item = e.itemAfter();
            }
        }
        WorkflowDef workflow = catalog.workflowOf(item);
        String step = catalog.workflowOf(submitted).firstStep().code();
        Instant dispatched = null;
        String outcome = null;
        boolean acted = false;
        for (TicketEvent e : then) {
            if (TicketEvent.DISPATCH.equals(e.action())) {
                dispatched = e.at();
            } else if (!"submit".equals(e.action())) {
                acted = true;
            }
            if (e.toStep() != null) {
                step = e.toStep();
            }
            if (workflow.action(e.action()).map(a -> a.reopens()).orElse(false)) {
                outcome = null;
            } else if (e.outcome() != null) {
                outcome = e.outcome();
            }
        }
        Instant concluded = Conclusion.of(workflow, then);
        TicketStatus status =
                concluded != null ? TicketStatus.CONCLUDED : acted ? TicketStatus.IN_PROGRESS : TicketStatus.NEW;
        Ticket past = new Ticket(
                ticket.id(),
                ticket.ticketNo(),
                item,
                ticket.county(),
                ticket.township(),
                ticket.village(),
                ticket.applicant(),
                ticket.channel(),
                ticket.raisedBy(),
                ticket.submittedAt(),
                dispatched,
                step,
                status,
                concluded,
                outcome,
                ticket.version());
        return Optional.of(new TicketHistory(past, List.copyOf(then)));
    }
}
