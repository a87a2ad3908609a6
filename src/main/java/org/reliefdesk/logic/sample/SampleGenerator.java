package org.reliefdesk.logic.sample;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.reliefdesk.logic.TicketNumbers;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.catalog.StepDef;
import org.reliefdesk.logic.catalog.WorkflowDef;
import org.reliefdesk.logic.workflow.AppliedAction;
import org.reliefdesk.logic.workflow.TicketFacts;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.Applicant;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.ResidentIdNumber;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.ServiceItem;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;
import org.reliefdesk.model.User;

/**
 * Makes the demo county's tickets. The same seed and "as of" date always give the same
 * file; all times are placed relative to "as of" (18:00 China time that day), so a demo
 * generated today always has new, in-progress, nearly-due and long-open work.
 *
 * <p>Each ticket is submitted with its item's application form, dispatched, and then walked
 * through its workflow by the real {@link WorkflowEngine} — mostly along the usual path, now
 * and then another allowed action — with random gaps around each step's time limit. It stops
 * where the next event would lie after "as of"; about one ticket in eight is "stuck" at some
 * step, which makes the long-open and supervised work.
 */
public final class SampleGenerator {

    public static final int DEFAULT_COUNT = 2400;
    public static final long DEFAULT_SEED = 20211123L;
    /** Tickets are submitted over this many days before "as of". */
    private static final int SPAN_DAYS = 120;

    private static final String[] RELATIONS = {"儿子", "女儿", "邻居", "村民小组长", "亲属"};
    private static final String[] CADRE_SOURCES = {"干部常态化排查", "部门筛查预警"};
    /** Relative frequency of each item, by catalog number; every item gets some tickets. */
    private static final int[] WEIGHTS = {9, 4, 12, 10, 6, 9, 12, 4, 3, 7, 5, 6, 5, 4, 4};

    private final Catalog catalog;

    public SampleGenerator(Catalog catalog) {
        this.catalog = catalog;
    }

    /** As of 18:00 China time on {@code asOfDate}: the file format's reference point. */
    public List<TicketHistory> generate(long seed, LocalDate asOfDate, int count) {
        return generate(seed, asOfDate.atTime(18, 0).atZone(ChinaTime.ZONE).toInstant(), count);
    }

    /** As of an exact moment (the app's first start uses "now", so nothing lies in the future). */
    public List<TicketHistory> generate(long seed, Instant asOf, int count) {
        Random rnd = new Random(seed);
        LocalDate asOfDate = asOf.atZone(ChinaTime.ZONE).toLocalDate();
        List<ServiceItem> items = catalog.items();
        List<Place> townships = DemoCounty.townships();
        List<Draft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Round-robin over items for the first pass so each of the 15 always appears.
            ServiceItem item = i < items.size() ? items.get(i) : pickItem(rnd, items);
            drafts.add(draft(rnd, item, townships, asOf, asOfDate));
        }
        drafts.sort(Comparator.comparing((Draft d) -> d.submittedAt).thenComparing(d -> d.id));
        Map<LocalDate, Integer> perDay = new HashMap<>();
        List<TicketHistory> result = new ArrayList<>(count);
        for (Draft d : drafts) {
            LocalDate date = d.submittedAt.atZone(ChinaTime.ZONE).toLocalDate();
            int seq = perDay.merge(date, 1, Integer::sum);
            String ticketNo = TicketNumbers.number(TicketNumbers.prefix(DemoCounty.COUNTY.code(), d.submittedAt), seq);
            result.add(walk(d, ticketNo, rnd, asOf));
        }
        return result;
    }

    private static ServiceItem pickItem(Random rnd, List<ServiceItem> items) {
        int total = items.stream().mapToInt(SampleGenerator::weight).sum();
        int r = rnd.nextInt(total);
        for (ServiceItem item : items) {
            r -= weight(item);
            if (r < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }

    private static int weight(ServiceItem item) {
        return item.number() >= 1 && item.number() <= WEIGHTS.length ? WEIGHTS[item.number() - 1] : 5;
    }

    private Draft draft(Random rnd, ServiceItem item, List<Place> townships, Instant asOf, LocalDate asOfDate) {
        Draft d = new Draft();
        d.id = uuid(rnd);
        d.item = item;
        d.township = townships.get(rnd.nextInt(townships.size()));
        int villageIndex = rnd.nextInt(8);
        int nameIndex = (Math.abs(d.township.code().hashCode()) + villageIndex * 3) % DemoCounty.VILLAGE_NAMES.size();
        d.village = new Place(
                d.township.code() + String.format("%03d", 201 + villageIndex),
                DemoCounty.VILLAGE_NAMES.get(nameIndex) + "村委会");
        d.applicant = person(rnd, item, asOfDate);
        int c = rnd.nextInt(10);
        d.channel = c < 6
                ? IntakeChannel.SELF_RAISED
                : c < 8 ? IntakeChannel.RAISED_BY_PROXY : IntakeChannel.GOVERNMENT_FOUND;
        if ("dropout_control".equals(item.code()) && d.channel == IntakeChannel.SELF_RAISED) {
            d.channel = IntakeChannel.RAISED_BY_PROXY; // a child's case is raised by a parent or a head teacher
        }
        d.raisedBy = switch (d.channel) {
            case SELF_RAISED -> null;
            case RAISED_BY_PROXY ->
                "dropout_control".equals(item.code()) && rnd.nextBoolean()
                        ? "班主任反映 " + SampleNames.person(rnd)
                        : RELATIONS[rnd.nextInt(RELATIONS.length)] + " " + SampleNames.person(rnd);
            case GOVERNMENT_FOUND -> CADRE_SOURCES[rnd.nextInt(CADRE_SOURCES.length)] + " " + SampleNames.person(rnd);
        };
        // A quarter of the tickets fall in the last 10 days, so the new and nearly-due queues are never empty.
        double daysAgo = rnd.nextInt(4) == 0 ? rnd.nextDouble() * 10 : rnd.nextDouble() * SPAN_DAYS;
        LocalDate date = asOfDate.minusDays((long) daysAgo);
        LocalTime time = LocalTime.of(7 + rnd.nextInt(14), rnd.nextInt(60), rnd.nextInt(60));
        Instant at = date.atTime(time).atZone(ChinaTime.ZONE).toInstant();
        d.submittedAt = at.isAfter(asOf) ? asOf.minusSeconds(600 + rnd.nextInt(3600)) : at;
        d.stuckAfter = rnd.nextInt(8) == 0 ? rnd.nextInt(5) : Integer.MAX_VALUE;
        return d;
    }

    private TicketHistory walk(Draft d, String ticketNo, Random rnd, Instant asOf) {
        WorkflowDef workflow = catalog.workflowOf(d.item.code());
        FormFaker faker = FormFaker.random(catalog, rnd);
        List<TicketEvent> events = new ArrayList<>();
        String first = workflow.firstStep().code();
        Map<String, Object> application = faker.fill(catalog.applicationFormOf(d.item.code()), Map.of(), d.submittedAt);
        String submitter = d.channel == IntakeChannel.SELF_RAISED ? d.applicant.name() : d.raisedBy;
        events.add(new TicketEvent(
                uuid(rnd), d.id, 1, submitter, d.submittedAt, "submit", null, first, null, application, null));
        Instant dispatched = d.submittedAt.plus(Duration.ofMinutes(2 + rnd.nextInt(90)));
        Ticket ticket = new Ticket(
                d.id,
                ticketNo,
                d.item.code(),
                DemoCounty.COUNTY,
                d.township,
                d.village,
                d.applicant,
                d.channel,
                d.raisedBy,
                d.submittedAt,
                null,
                first,
                TicketStatus.NEW,
                null,
                null,
                0);
        if (dispatched.isAfter(asOf)) {
            return new TicketHistory(ticket, events);
        }
        events.add(TicketEvent.dispatch(uuid(rnd), d.id, dispatched, first));
        ticket = ticket.withDispatchedAt(dispatched);
        Instant t = dispatched;
        for (int taken = 0; taken < 40 && !workflow.isTerminal(ticket.currentStep()) && taken < d.stuckAfter; taken++) {
            Instant when = t.plus(gap(workflow.step(ticket.currentStep()).orElseThrow(), rnd));
            if (when.isAfter(asOf)) {
                break;
            }
            AppliedAction applied = step(workflow, ticket, events, faker, rnd, when);
            if (applied == null) {
                break;
            }
            ticket = applied.ticket();
            events.add(applied.event());
            t = when;
        }
        return new TicketHistory(ticket, events);
    }

    /** Takes one action at {@code when}: usually one on the main path, sometimes another allowed one. */
    private AppliedAction step(
            WorkflowDef workflow, Ticket ticket, List<TicketEvent> events, FormFaker faker, Random rnd, Instant when) {
        List<ActionDef> here = new ArrayList<>(workflow.actions().stream()
                .filter(a -> a.from().contains(ticket.currentStep()) && !misdispatch(workflow, a))
                .toList());
        Collections.shuffle(here, rnd);
        boolean mainFirst = rnd.nextInt(10) < 8;
        here.sort(Comparator.comparing(a -> mainFirst && a.main() ? 0 : 1));
        WorkflowEngine engine = new WorkflowEngine(catalog, Clock.fixed(when, ChinaTime.ZONE), () -> uuid(rnd));
        Map<String, Object> facts = TicketFacts.of(events);
        for (ActionDef a : here) {
            User actor = actorFor(a, ticket);
            try {
                Map<String, Object> form =
                        faker.fill(catalog.form(a.form()).orElse(new FormDef("none", List.of())), facts, when);
                return engine.apply(ticket, events, actor, a.code(), form, null);
            } catch (InvalidFieldException refused) {
                // e.g. a fourth job round: try the next allowed action instead
            }
        }
        return null;
    }

    /**
     * Whether the action hands a ticket on to another item (转派, 重新派单) or back for that (退回):
     * the sample county has none, so its file stays what it was before these existed.
     */
    private static boolean misdispatch(WorkflowDef workflow, ActionDef a) {
        if (a.changesItem()) {
            return true;
        }
        List<ActionDef> exits = workflow.actions().stream()
                .filter(x -> a.to() != null && x.from().contains(a.to()))
                .toList();
        return !exits.isEmpty() && exits.stream().allMatch(ActionDef::changesItem);
    }

    /** Who takes an action: the department's clerk, or the staff of the ticket's township. */
    private User actorFor(ActionDef a, Ticket ticket) {
        if (a.roles().contains(Role.CLERK)) {
            String department = a.department() != null
                    ? a.department()
                    : catalog.item(ticket.itemCode()).orElseThrow().departmentCode();
            return new User(
                    department.toLowerCase(Locale.ROOT) + ".clerk",
                    department,
                    Role.CLERK,
                    ticket.county().code(),
                    department,
                    null);
        }
        String username = ticket.township().code().equals(DemoUsers.TOWNSHIP_STAFF.townshipCode())
                ? DemoUsers.TOWNSHIP_STAFF.username()
                : "township." + ticket.township().code();
        return new User(
                username,
                username,
                Role.TOWNSHIP,
                ticket.county().code(),
                null,
                ticket.township().code());
    }

    /** Time until the next action: around the step's limit, sometimes well past it. */
    private static Duration gap(StepDef step, Random rnd) {
        double factor = 0.15 + rnd.nextDouble() * (rnd.nextInt(6) == 0 ? 2.5 : 1.0);
        if (step.pausesClock()) {
            return Duration.ofHours(12 + rnd.nextInt(24 * 6));
        }
        if (step.deadline() == null) {
            return Duration.ofHours(24L * (3 + rnd.nextInt(20)));
        }
        return switch (step.deadline().clock()) {
            case HOURS -> Duration.ofMinutes((long) (step.deadline().amount() * 60 * factor));
            case WORKING_DAYS, CALENDAR_DAYS ->
                Duration.ofMinutes((long) (step.deadline().amount() * 24 * 60 * 1.3 * factor));
        };
    }

    private static UUID uuid(Random rnd) {
        long msb = (rnd.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L; // version 4
        long lsb = (rnd.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb);
    }

    private static Applicant person(Random rnd, ServiceItem item, LocalDate asOf) {
        int age = switch (item.code()) {
            case "dropout_control" -> 30 + rnd.nextInt(20); // the applicant is the parent or guardian
            case "job_search", "training" -> 18 + rnd.nextInt(38);
            default -> 1 + rnd.nextInt(89);
        };
        LocalDate birth = asOf.minusYears(age).minusDays(rnd.nextInt(365));
        String first17 = DemoCounty.COUNTY.code()
                + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", rnd.nextInt(1000));
        String id = first17 + ResidentIdNumber.checkChar(first17);
        String phone = "1" + (3 + rnd.nextInt(7)) + String.format("%09d", rnd.nextInt(1_000_000_000));
        return new Applicant(SampleNames.person(rnd), id, phone);
    }

    /** The draft of one ticket before its number and history are known. */
    private static final class Draft {
        UUID id;
        ServiceItem item;
        Place township;
        Place village;
        Applicant applicant;
        IntakeChannel channel;
        String raisedBy;
        Instant submittedAt;
        int stuckAfter;
    }

    /** Noon of a date in China time, handy for tests and the GUI's first start. */
    public static Instant noon(LocalDate date) {
        return ZonedDateTime.of(date, LocalTime.NOON, ChinaTime.ZONE).toInstant();
    }
}
