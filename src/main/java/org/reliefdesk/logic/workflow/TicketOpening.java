package org.reliefdesk.logic.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.users.Capabilities;
import org.reliefdesk.model.Applicant;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.PhoneNumber;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.ResidentIdNumber;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;
import org.reliefdesk.model.User;

/**
 * A clerk or township user opens a ticket for a resident (政府找 or 他人代举): the applicant and
 * the item's application form are checked like any other form, and the ticket enters its
 * item's workflow at the first step, dispatched to the department in charge at once.
 */
public final class TicketOpening {

    /** What the staff member filled in. */
    public record Request(
            String itemCode,
            Place county,
            Place township,
            Place village,
            String name,
            String idNumber,
            String phone,
            IntakeChannel channel,
            String raisedBy,
            Map<String, Object> application) {}

    private final Catalog catalog;
    private final Clock clock;
    private final FormValidator forms;

    public TicketOpening(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        this.forms = new FormValidator(catalog);
    }

    /**
     * @return the new ticket (its number still empty: the store assigns it) with submit and dispatch events
     * @throws InvalidFieldException naming the field and the rule; nothing is created
     */
    public TicketHistory open(Request r, User staff) {
        return open(r, staff, new Ids(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
    }

    /**
     * Every problem of the request at once, one per field (empty when {@link #open} takes it; the
     * first is the one {@code open} refuses with): a clerk sees all that is missing, not one thing
     * at a time. Who may open at all is checked first and alone.
     */
    public List<InvalidFieldException> problems(Request r, User staff) {
        if (!Capabilities.of(staff).opensTickets()) {
            return List.of(new InvalidFieldException("action", "rule.workflow.role", catalog.namedAction("submit")));
        }
        List<InvalidFieldException> found = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        boolean itemKnown = check(found, () -> item(r, staff));
        if (r.county() == null || !r.county().code().equals(staff.countyCode())) {
            found.add(new InvalidFieldException("countyCode", "rule.workflow.county"));
        }
        boolean townshipKnown = check(found, () -> township(r, staff));
        if (townshipKnown) {
            check(found, () -> village(r));
        } else if (r.village() == null) {
            found.add(new InvalidFieldException("villageCode", "rule.required"));
        }
        if (r.name() == null || r.name().isBlank()) {
            found.add(new InvalidFieldException("applicant.name", "rule.required"));
        }
        check(found, () -> ResidentIdNumber.validate("applicant.idNumber", r.idNumber(), today));
        check(found, () -> PhoneNumber.validate("applicant.phone", r.phone()));
        if (r.channel() == null || r.channel() == IntakeChannel.SELF_RAISED) {
            found.add(new InvalidFieldException("channel", "rule.oneOf", "RAISED_BY_PROXY, GOVERNMENT_FOUND"));
        }
        if (r.raisedBy() == null || r.raisedBy().isBlank()) {
            found.add(new InvalidFieldException("raisedBy", "rule.raisedByRequired"));
        }
        if (itemKnown) {
            found.addAll(forms.problems(catalog.applicationFormOf(r.itemCode()), r.application(), Map.of(), today));
        }
        return found;
    }

    /** Runs one check; false (and its problem noted) when it refuses. */
    private static boolean check(List<InvalidFieldException> found, Runnable check) {
        try {
            check.run();
            return true;
        } catch (InvalidFieldException e) {
            found.add(e);
            return false;
        }
    }

    private void item(Request r, User staff) {
        if (r.itemCode() == null || catalog.item(r.itemCode()).isEmpty()) {
            throw new InvalidFieldException("item", "rule.required");
        }
        if (staff.role() == Role.CLERK
                && !catalog.item(r.itemCode()).orElseThrow().departmentCode().equals(staff.departmentCode())) {
            throw new InvalidFieldException(
                    "item",
                    "rule.workflow.department",
                    catalog.namedDepartment(
                            catalog.item(r.itemCode()).orElseThrow().departmentCode()));
        }
    }

    private static void township(Request r, User staff) {
        if (r.township() == null) {
            throw new InvalidFieldException("townshipCode", "rule.required");
        }
        if (r.county() != null && !r.township().code().startsWith(r.county().code())) {
            throw new InvalidFieldException(
                    "townshipCode", "rule.placeWithin", r.county().code());
        }
        if (staff.role() == Role.TOWNSHIP && !r.township().code().equals(staff.townshipCode())) {
            throw new InvalidFieldException(
                    "townshipCode", "rule.workflow.township", r.township().name());
        }
    }

    private static void village(Request r) {
        if (r.village() == null) {
            throw new InvalidFieldException("villageCode", "rule.required");
        }
        if (!r.village().code().startsWith(r.township().code())) {
            throw new InvalidFieldException(
                    "villageCode", "rule.placeWithin", r.township().code());
        }
    }

    /** The ids a PC gave a ticket it opened offline: the ticket's and its two events'. */
    public record Ids(UUID ticket, UUID submit, UUID dispatch) {}

    /**
     * Opens with ids given (the central store rebuilds a pushed opening from its parts: what it
     * stores is its own result, never the ticket as a PC sent it).
     */
    public TicketHistory open(Request r, User staff, Ids ids) {
        List<InvalidFieldException> found = problems(r, staff);
        if (!found.isEmpty()) {
            throw found.get(0);
        }
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        String id = ResidentIdNumber.validate("applicant.idNumber", r.idNumber(), today);
        String phone = PhoneNumber.validate("applicant.phone", r.phone());
        Map<String, Object> application =
                forms.validate(catalog.applicationFormOf(r.itemCode()), r.application(), Map.of(), today);
        Instant now = clock.instant();
        UUID ticketId = ids.ticket();
        String first = catalog.workflowOf(r.itemCode()).firstStep().code();
        Ticket ticket = new Ticket(
                ticketId,
                "",
                r.itemCode(),
                r.county(),
                r.township(),
                r.village(),
                new Applicant(r.name().strip(), id, phone),
                r.channel(),
                r.raisedBy().strip(),
                now,
                now,
                first,
                TicketStatus.NEW,
                null,
                null,
                0);
        List<TicketEvent> events = List.of(
                new TicketEvent(
                        ids.submit(),
                        ticketId,
                        1,
                        staff.username(),
                        now,
                        "submit",
                        null,
                        first,
                        null,
                        application,
                        null),
                TicketEvent.dispatch(ids.dispatch(), ticketId, now, first));
        return new TicketHistory(ticket, events);
    }
}
