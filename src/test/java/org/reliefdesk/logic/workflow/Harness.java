package org.reliefdesk.logic.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.logic.sample.FormFaker;
import org.reliefdesk.model.Applicant;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.ResidentIdNumber;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketStatus;
import org.reliefdesk.model.User;

/** One ticket of one item, submitted and dispatched, with a clock the test moves forward. */
final class Harness {

    static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Place TOWNSHIP = DemoCounty.firstTownship();

    Instant now = Instant.parse("2024-06-03T01:00:00Z"); // Monday 09:00 China time
    Ticket ticket;
    final List<TicketEvent> history = new ArrayList<>();

    Harness(String item, Map<String, Object> applicationOverrides) {
        UUID id = UUID.randomUUID();
        String first = CATALOG.workflowOf(item).firstStep().code();
        Map<String, Object> application =
                new HashMap<>(FormFaker.happy(CATALOG).fill(CATALOG.applicationFormOf(item), Map.of(), now));
        application.putAll(applicationOverrides);
        String first17 = "53012819800101001";
        ticket = new Ticket(
                id,
                "T-" + item,
                item,
                DemoCounty.COUNTY,
                TOWNSHIP,
                new Place(TOWNSHIP.code() + "201", "大村村委会"),
                new Applicant("李四", first17 + ResidentIdNumber.checkChar(first17), "13812345678"),
                IntakeChannel.SELF_RAISED,
                null,
                now,
                now.plusSeconds(600),
                first,
                TicketStatus.NEW,
                null,
                null,
                0);
        history.add(
                new TicketEvent(UUID.randomUUID(), id, 1, "李四", now, "submit", null, first, null, application, null));
        history.add(new TicketEvent(
                UUID.randomUUID(),
                id,
                2,
                TicketEvent.PLATFORM,
                now.plusSeconds(600),
                "dispatch",
                first,
                first,
                null,
                Map.of(),
                null));
        now = now.plusSeconds(3600);
    }

    Harness(String item) {
        this(item, Map.of());
    }

    WorkflowEngine engine() {
        return new WorkflowEngine(CATALOG, Clock.fixed(now, ZONE));
    }

    /** The clerk of the item's department, or of the department the action names. */
    static User clerk(String department) {
        return new User(department.toLowerCase() + ".clerk", "clerk", Role.CLERK, "530128", department, null);
    }

    static User townshipStaff(String townshipCode) {
        return new User("township." + townshipCode, "staff", Role.TOWNSHIP, "530128", null, townshipCode);
    }

    User userFor(ActionDef a) {
        if (a.roles().contains(Role.CLERK)) {
            return clerk(
                    a.department() != null
                            ? a.department()
                            : CATALOG.item(ticket.itemCode()).orElseThrow().departmentCode());
        }
        return townshipStaff(ticket.township().code());
    }

    /** Happy-path values for the action's form, with some replaced. */
    Map<String, Object> form(String action, Map<String, Object> overrides) {
        ActionDef a = CATALOG.workflowOf(ticket.itemCode()).action(action).orElseThrow();
        FormDef form = CATALOG.form(a.form()).orElse(new FormDef("none", List.of()));
        Map<String, Object> values = new HashMap<>(FormFaker.happy(CATALOG).fill(form, TicketFacts.of(history), now));
        values.putAll(overrides);
        values.values().removeIf(v -> v == null);
        return values;
    }

    /** Takes an action as the right user, a day after the last one. */
    AppliedAction act(String action, Map<String, Object> overrides) {
        ActionDef a = CATALOG.workflowOf(ticket.itemCode()).action(action).orElseThrow();
        return actAs(userFor(a), action, form(action, overrides));
    }

    /** An action the workflow does not have. */
    AppliedAction act2(String action) {
        return actAs(clerk("WATER"), action, Map.of());
    }

    AppliedAction act(String action) {
        return act(action, Map.of());
    }

    AppliedAction actAs(User user, String action, Map<String, Object> form) {
        now = now.plus(Duration.ofHours(20));
        AppliedAction applied = engine().apply(ticket, history, user, action, form, null);
        ticket = applied.ticket();
        history.add(applied.event());
        return applied;
    }

    /** Follows the main actions until the ticket is concluded; returns the actions taken. */
    /** The usual path to the terminal step: through the feedback (办结) and the follow-up visit after it. */
    List<String> walkMainPath() {
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 30 && !CATALOG.workflowOf(ticket.itemCode()).isTerminal(ticket.currentStep()); i++) {
            ActionDef next = CATALOG.workflowOf(ticket.itemCode()).actions().stream()
                    .filter(a -> a.main() && a.from().contains(ticket.currentStep()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no main action in step " + ticket.currentStep()));
            act(next.code());
            taken.add(next.code());
        }
        return taken;
    }
}
