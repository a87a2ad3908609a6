package org.reliefdesk.logic.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.catalog.StepDef;
import org.reliefdesk.logic.catalog.WorkflowDef;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketStatus;
import org.reliefdesk.model.User;

/**
 * One engine for all 15 items: reads the item's workflow from the catalog, says which actions
 * a user may take on a ticket, and applies one — validating its form and every rule — as a
 * changed ticket plus one event. Refusals are {@link InvalidFieldException}s on the field
 * {@code action} (or a form field) with the rule's message key.
 */
public final class WorkflowEngine {

    private final Catalog catalog;
    private final Clock clock;
    private final FormValidator forms;

    private final Supplier<UUID> ids;

    public WorkflowEngine(Catalog catalog, Clock clock) {
        this(catalog, clock, UUID::randomUUID);
    }

    /** With a source of event ids (the sample generator's is seeded, so its files repeat). */
    public WorkflowEngine(Catalog catalog, Clock clock, Supplier<UUID> ids) {
        this.catalog = catalog;
        this.clock = clock;
        this.forms = new FormValidator(catalog);
        this.ids = ids;
    }

    public FormValidator forms() {
        return forms;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Actions this user may take now; each would still need a valid form. */
    public List<ActionDef> allowedActions(Ticket ticket, List<TicketEvent> history, User user) {
        WorkflowDef workflow = catalog.workflowOf(ticket.itemCode());
        Map<String, Object> facts = TicketFacts.of(history);
        List<ActionDef> allowed = new ArrayList<>();
        for (ActionDef a : workflow.actions()) {
            if (refusal(ticket, history, facts, user, a).isEmpty()) {
                allowed.add(a);
            }
        }
        return allowed;
    }

    /**
     * Whether the ticket waits in a step where this user has an action — by step, role, county,
     * department and township alone, without its history. This is "my tasks" in a list of
     * thousands; the action bar of an opened ticket applies every rule.
     */
    public boolean mayActInStep(Ticket ticket, User user) {
        if (catalog.workflowOf(ticket.itemCode()).isTerminal(ticket.currentStep())) {
            return false;
        }
        for (ActionDef a : catalog.workflowOf(ticket.itemCode()).actions()) {
            if (placeRule(ticket, user, a) == null) {
                return true;
            }
        }
        return false;
    }

    /** Why the action may not be taken now (before looking at its form), or empty if it may. */
    public Optional<InvalidFieldException> refusal(Ticket ticket, List<TicketEvent> history, User user, ActionDef a) {
        return refusal(ticket, history, TicketFacts.of(history), user, a);
    }

    private Optional<InvalidFieldException> refusal(
            Ticket ticket, List<TicketEvent> history, Map<String, Object> facts, User user, ActionDef a) {
        Optional<InvalidFieldException> refused = placeRefusal(ticket, user, a);
        return refused.isPresent() ? refused : historyRefusal(ticket, history, facts, a);
    }

    /** The rules on where the ticket is and who the user is. */
    private Optional<InvalidFieldException> placeRefusal(Ticket ticket, User user, ActionDef a) {
        Refused r = placeRule(ticket, user, a);
        return r == null ? Optional.empty() : refuse(r.rule(), r.args());
    }

    /** A rule that refused and its arguments (no exception yet: a county's queue asks 100,000 times). */
    private record Refused(String rule, Object... args) {}

    /** Which rule on place and person refuses the action, or null when none does. */
    private Refused placeRule(Ticket ticket, User user, ActionDef a) {
        // a concluded ticket still takes its follow-up visit; at the terminal step only a reopening
        if (catalog.workflowOf(ticket.itemCode()).isTerminal(ticket.currentStep()) && !a.reopens()) {
            return new Refused("rule.workflow.concluded");
        }
        // every step's clock starts at dispatch: nothing is done on a ticket the platform has not dispatched
        if (ticket.dispatchedAt() == null) {
            return new Refused("rule.workflow.notDispatched");
        }
        if (!a.from().contains(ticket.currentStep())) {
            return a.stepRule() != null
                    ? new Refused(a.stepRule())
                    : new Refused(
                            "rule.workflow.notInStep",
                            catalog.namedAction(a.code()),
                            catalog.namedStep(ticket.currentStep()));
        }
        if (!a.roles().contains(user.role())) {
            return new Refused("rule.workflow.role", catalog.namedAction(a.code()));
        }
        if (!ticket.county().code().equals(user.countyCode())) {
            return new Refused("rule.workflow.county");
        }
        if (user.role() == Role.CLERK) {
            String department = a.department() != null
                    ? a.department()
                    : catalog.item(ticket.itemCode()).orElseThrow().departmentCode();
            if (!department.equals(user.departmentCode())) {
                return new Refused("rule.workflow.department", catalog.namedDepartment(department));
            }
        }
        if (user.role() == Role.TOWNSHIP && !ticket.township().code().equals(user.townshipCode())) {
            return new Refused("rule.workflow.township", ticket.township().name());
        }
        if (ActionDef.TRANSFER.equals(a.to())
                && catalog.transfersOf(ticket.itemCode()).isEmpty()) {
            return new Refused("rule.workflow.noTransfer", catalog.namedItem(ticket.itemCode()));
        }
        return null;
    }

    /** The rules on what the ticket's history holds: time since conclusion, facts, counts. */
    private Optional<InvalidFieldException> historyRefusal(
            Ticket ticket, List<TicketEvent> history, Map<String, Object> facts, ActionDef a) {
        Instant visited = a.reopens() ? endOfPath(ticket, history) : null;
        if (visited != null) {
            // counted from the visit where the applicant said 不满意, not from 办结: a late visit takes nothing away
            LocalDate last = visited.atZone(ChinaTime.ZONE).toLocalDate().plusDays(a.reopenWithinDays());
            if (LocalDate.now(clock.withZone(ChinaTime.ZONE)).isAfter(last)) {
                return refuse("rule.workflow.reopenWindow", a.reopenWithinDays());
            }
        }
        if (a.requires() != null && !a.requires().test(facts)) {
            return refuse(a.rule() != null ? a.rule() : "rule.workflow.requires");
        }
        if (a.maxTimes() != null) {
            int limit = a.maxTimes();
            if (a.extraTimes() != null && a.extraTimes().when().test(facts)) {
                limit += a.extraTimes().extra();
            }
            long used =
                    history.stream().filter(e -> e.action().equals(a.code())).count();
            if (used >= limit) {
                return refuse(a.rule() != null ? a.rule() : "rule.workflow.maxTimes", limit);
            }
        }
        return Optional.empty();
    }

    /** When the ticket last reached its terminal step (the follow-up visit, or a refusal), or null. */
    private Instant endOfPath(Ticket ticket, List<TicketEvent> history) {
        WorkflowDef workflow = catalog.workflowOf(ticket.itemCode());
        for (int i = history.size() - 1; i >= 0; i--) {
            TicketEvent e = history.get(i);
            if (e.toStep() != null && workflow.isTerminal(e.toStep())) {
                return e.at();
            }
        }
        return ticket.concludedAt();
    }

    private static Optional<InvalidFieldException> refuse(String rule, Object... args) {
        return Optional.of(new InvalidFieldException("action", rule, args));
    }

    /**
     * Applies {@code actionCode} by {@code user} with {@code formInput}.
     *
     * @throws InvalidFieldException when the action, a rule or a form field refuses it; nothing changes
     */
    public AppliedAction apply(
            Ticket ticket,
            List<TicketEvent> history,
            User user,
            String actionCode,
            Map<String, Object> formInput,
            String note) {
        return apply(ticket, history, TicketFacts.of(history), user, actionCode, formInput, note);
    }

    /**
     * As {@link #apply(Ticket, List, User, String, Map, String)}, with the history's facts already
     * known ({@link TicketFacts#of} of {@code history}; read, not changed): a replay keeps them as it goes.
     */
    AppliedAction apply(
            Ticket ticket,
            List<TicketEvent> history,
            Map<String, Object> facts,
            User user,
            String actionCode,
            Map<String, Object> formInput,
            String note) {
        WorkflowDef workflow = catalog.workflowOf(ticket.itemCode());
        ActionDef a = workflow.action(actionCode)
                .orElseThrow(() -> new InvalidFieldException("action", "rule.workflow.unknownAction", actionCode));
        Optional<InvalidFieldException> refused = refusal(ticket, history, facts, user, a);
        if (refused.isPresent()) {
            throw refused.get();
        }
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        FormDef form = catalog.form(a.form()).orElse(new FormDef("none", List.of()));
        Map<String, Object> values = forms.validate(form, withoutItemLeft(ticket, a, formInput), facts, today);
        checkRowLimits(a, history, values);

        Map<String, Object> context = new FormContext(facts);
        context.putAll(values);
        ActionDef.Target where =
                a.target(context).orElseThrow(() -> new InvalidFieldException("action", "rule.workflow.noBranch"));
        String to = where.step();
        String outcome = where.outcome();
        if (ActionDef.PREVIOUS.equals(to)) {
            to = stepBeforePause(ticket, history);
        }
        String item = ticket.itemCode();
        if (a.changesItem()) {
            // another department's ticket now: its first step, its deadlines; the entry says which item it left
            item = itemChosen(ticket, a, values);
            workflow = catalog.workflowOf(item);
            to = workflow.firstStep().code();
            values = new LinkedHashMap<>(values);
            values.put(TicketEvent.FROM_ITEM, ticket.itemCode());
        }
        StepDef target = workflow.step(to).orElseThrow();
        Instant now = clock.instant();
        // 办结 is the moment the result is fed back (or the request refused): the follow-up visit after it
        // keeps the conclusion time
        TicketStatus status = target.concludes() ? TicketStatus.CONCLUDED : TicketStatus.IN_PROGRESS;
        Instant concludedAt = !target.concludes() ? null : ticket.concludedAt() != null ? ticket.concludedAt() : now;
        Ticket changed = a.reopens() ? ticket.reopenedAt(to) : ticket.withStep(to, status, concludedAt, outcome);
        if (!item.equals(ticket.itemCode())) {
            changed = changed.withItem(item);
        }
        TicketEvent event = new TicketEvent(
                ids.get(),
                ticket.id(),
                history.size() + 1,
                user.username(),
                now,
                a.code(),
                ticket.currentStep(),
                to,
                note == null || note.isBlank() ? null : note.strip(),
                values,
                outcome);
        return new AppliedAction(changed, event);
    }

    /**
     * The form as filled, without the item left that an entry moving the ticket carries (the
     * engine writes it; a replayed entry brings it back and must name the item the ticket is under).
     */
    private static Map<String, Object> withoutItemLeft(Ticket ticket, ActionDef a, Map<String, Object> input) {
        if (!a.changesItem() || input == null || !input.containsKey(TicketEvent.FROM_ITEM)) {
            return input;
        }
        if (!ticket.itemCode().equals(input.get(TicketEvent.FROM_ITEM))) {
            throw new InvalidFieldException(TicketEvent.FROM_ITEM, "rule.workflow.itemLeft");
        }
        Map<String, Object> rest = new LinkedHashMap<>(input);
        rest.remove(TicketEvent.FROM_ITEM);
        return rest;
    }

    /** The item the form names, if the ticket may go there: another item, one the action offers (for 转派, as the catalog allows). */
    private String itemChosen(Ticket ticket, ActionDef a, Map<String, Object> values) {
        String item = String.valueOf(values.get(TicketEvent.ITEM));
        if (item.equals(ticket.itemCode())) {
            throw new InvalidFieldException(TicketEvent.ITEM, "rule.workflow.sameItem", catalog.namedItem(item));
        }
        List<String> allowed = catalog.itemChoices(ticket.itemCode(), a);
        if (!allowed.contains(item)) {
            throw new InvalidFieldException(
                    TicketEvent.ITEM,
                    "rule.workflow.transferTo",
                    catalog.namedItem(ticket.itemCode()),
                    catalog.namedItems(allowed));
        }
        return item;
    }

    private static void checkRowLimits(ActionDef a, List<TicketEvent> history, Map<String, Object> values) {
        if (a.rowLimits() == null) {
            return;
        }
        for (ActionDef.RowLimit limit : a.rowLimits()) {
            int total = rows(values.get(limit.field()));
            for (TicketEvent e : history) {
                if (e.action().equals(a.code())) {
                    total += rows(e.formData().get(limit.field()));
                }
            }
            if (total > limit.maxTotal()) {
                throw new InvalidFieldException(
                        limit.field(),
                        limit.rule() != null ? limit.rule() : "rule.form.maxTotal",
                        limit.maxTotal(),
                        total);
            }
        }
    }

    private static int rows(Object value) {
        return value instanceof List<?> l ? l.size() : 0;
    }

    /** The step a ticket was in before it entered the step it waits in now. */
    private static String stepBeforePause(Ticket ticket, List<TicketEvent> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            TicketEvent e = history.get(i);
            if (ticket.currentStep().equals(e.toStep())
                    && e.fromStep() != null
                    && !e.fromStep().equals(e.toStep())) {
                return e.fromStep();
            }
        }
        throw new InvalidFieldException("action", "rule.workflow.noPreviousStep");
    }
}
