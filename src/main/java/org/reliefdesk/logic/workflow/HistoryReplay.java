package org.reliefdesk.logic.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;
import org.reliefdesk.model.User;

/**
 * A whole history replayed through the {@link WorkflowEngine}, event by event, as each actor
 * at each event's time: a ticket is taken only when every event is one the engine would have
 * let that person make then (order, steps, roles, departments, townships, forms, rounds,
 * reopening windows), and the ticket's own step, status, conclusion and outcome are what the
 * history leads to. An actor known to the store is replayed as that user (a township worker's
 * step done by a clerk is refused); an actor the store does not know (a platform file's names)
 * as the person the action is for.
 */
public final class HistoryReplay {

    private final Catalog catalog;
    private final Function<String, Optional<User>> users;
    private final FormValidator forms;

    public HistoryReplay(Catalog catalog, Function<String, Optional<User>> users) {
        this.catalog = catalog;
        this.users = users;
        this.forms = new FormValidator(catalog);
    }

    /** @throws InvalidFieldException naming the event ({@code events[i].…}) or ticket field and the rule */
    public void check(TicketHistory h) {
        Ticket line = h.ticket();
        List<TicketEvent> events = h.events();
        // a ticket moved to another item (转派) is replayed from the item it was submitted under
        String submittedItem = ItemPath.first(line.itemCode(), events);
        if (catalog.item(submittedItem).isEmpty()) {
            throw new InvalidFieldException("events", "rule.unknownItem", submittedItem);
        }
        String first = catalog.workflowOf(submittedItem).firstStep().code();

        TicketEvent submit = events.get(0);
        if (!"submit".equals(submit.action()) || submit.fromStep() != null || !first.equals(submit.toStep())) {
            throw new InvalidFieldException("events[0].action", "rule.history.firstIsSubmit", first);
        }
        if (!submit.at().equals(line.submittedAt())) {
            throw new InvalidFieldException("events[0].at", "rule.history.submittedAt");
        }
        forms.validate(catalog.applicationFormOf(submittedItem), submit.formData(), Map.of(), day(submit));
        Ticket t = new Ticket(
                line.id(),
                line.ticketNo(),
                submittedItem,
                line.county(),
                line.township(),
                line.village(),
                line.applicant(),
                line.channel(),
                line.raisedBy(),
                line.submittedAt(),
                null,
                first,
                TicketStatus.NEW,
                null,
                null,
                0);
        List<TicketEvent> replayed = new ArrayList<>(List.of(submit));
        // TicketFacts.of(replayed), kept as the history grows rather than made again per event
        Map<String, Object> facts = new HashMap<>();
        learn(facts, submit);
        if (events.size() > 1) {
            TicketEvent dispatch = events.get(1);
            if (!TicketEvent.DISPATCH.equals(dispatch.action())
                    || !TicketEvent.PLATFORM.equals(dispatch.actor())
                    || !first.equals(dispatch.fromStep())
                    || !first.equals(dispatch.toStep())) {
                throw new InvalidFieldException("events[1].action", "rule.history.secondIsDispatch");
            }
            if (!dispatch.at().equals(line.dispatchedAt())) {
                throw new InvalidFieldException("events[1].at", "rule.history.dispatchedAt");
            }
            t = t.withDispatchedAt(dispatch.at());
            replayed.add(dispatch);
            learn(facts, dispatch);
        } else if (line.dispatchedAt() != null) {
            throw new InvalidFieldException("dispatchedAt", "rule.history.dispatchedAt");
        }
        for (int i = 2; i < events.size(); i++) {
            TicketEvent e = events.get(i);
            String prefix = "events[" + i + "].";
            ActionDef a = catalog.workflowOf(t.itemCode())
                    .action(e.action())
                    .orElseThrow(() ->
                            new InvalidFieldException(prefix + "action", "rule.workflow.unknownAction", e.action()));
            if ("submit".equals(e.action()) || TicketEvent.DISPATCH.equals(e.action())) {
                throw new InvalidFieldException(prefix + "action", "rule.history.once", e.action());
            }
            Ticket before = t;
            User actor = users.apply(e.actor()).orElseGet(() -> standIn(e.actor(), a, before));
            WorkflowEngine engine = new WorkflowEngine(catalog, Clock.fixed(e.at(), ChinaTime.ZONE), e::id);
            AppliedAction applied;
            try {
                applied = engine.apply(t, replayed, facts, actor, e.action(), e.formData(), e.note());
            } catch (InvalidFieldException refused) {
                throw new InvalidFieldException(
                        prefix + refused.field(), refused.rule(), refused.args().toArray());
            }
            TicketEvent made = applied.event();
            if (!Objects.equals(made.fromStep(), e.fromStep()) || !Objects.equals(made.toStep(), e.toStep())) {
                throw new InvalidFieldException(prefix + "toStep", "rule.history.step", String.valueOf(made.toStep()));
            }
            if (!Objects.equals(made.outcome(), e.outcome())) {
                throw new InvalidFieldException(
                        prefix + "outcome", "rule.history.outcome", String.valueOf(made.outcome()));
            }
            t = applied.ticket();
            replayed.add(e);
            learn(facts, e);
        }
        if (!t.itemCode().equals(line.itemCode())) {
            throw new InvalidFieldException("itemCode", "rule.history.contradicts", t.itemCode());
        }
        if (!t.currentStep().equals(line.currentStep())) {
            throw new InvalidFieldException("currentStep", "rule.history.contradicts", t.currentStep());
        }
        if (t.status() != line.status()) {
            throw new InvalidFieldException(
                    "status", "rule.history.contradicts", t.status().name());
        }
        if (!Objects.equals(t.concludedAt(), line.concludedAt())) {
            throw new InvalidFieldException("concludedAt", "rule.history.contradicts", String.valueOf(t.concludedAt()));
        }
        if (!Objects.equals(t.outcome(), line.outcome())) {
            throw new InvalidFieldException("outcome", "rule.history.contradicts", String.valueOf(t.outcome()));
        }
    }

    /** What {@link TicketFacts#of} adds for one more event: its form's values that are not empty. */
    private static void learn(Map<String, Object> facts, TicketEvent e) {
        e.formData().forEach((k, v) -> {
            if (v != null) {
                facts.put(k, v);
            }
        });
    }

    private static LocalDate day(TicketEvent e) {
        return e.at().atZone(ChinaTime.ZONE).toLocalDate();
    }

    /** Whom the action is for, on this ticket: an actor a platform file names but the store does not know. */
    private User standIn(String name, ActionDef a, Ticket t) {
        Role role = a.roles().contains(Role.CLERK)
                ? Role.CLERK
                : a.roles().isEmpty() ? Role.CLERK : a.roles().get(0);
        String department = a.department() != null
                ? a.department()
                : catalog.item(t.itemCode()).orElseThrow().departmentCode();
        return new User(
                name,
                name,
                role,
                t.county().code(),
                role == Role.CLERK ? department : null,
                role == Role.TOWNSHIP ? t.township().code() : null);
    }
}
