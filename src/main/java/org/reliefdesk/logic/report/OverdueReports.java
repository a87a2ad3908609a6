package org.reliefdesk.logic.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.StepTiming;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.ServiceItem;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;

/**
 * Builds supervision reports of overdue items from tickets and their histories, with the same
 * clocks as the workbench's queues: a report's overdue rows are exactly the tickets in the
 * "step overdue" and "supervised" queues at the report's moment.
 */
public final class OverdueReports {

    private final Catalog catalog;
    private final TicketClocks clocks;
    private final Clock clock;

    public OverdueReports(Catalog catalog, TicketClocks clocks, Clock clock) {
        this.catalog = catalog;
        this.clocks = clocks;
        this.clock = clock;
    }

    /**
     * The moment a report "as of" a date counts: now for today, the end of the day (24:00 China
     * time) for a past date.
     *
     * @throws InvalidFieldException on a date after today
     */
    public Instant moment(LocalDate asOfDate) {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        if (asOfDate.isAfter(today)) {
            throw new InvalidFieldException("asOf", "rule.report.futureDate", asOfDate, today);
        }
        return asOfDate.equals(today)
                ? clock.instant()
                : asOfDate.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant().minusNanos(1);
    }

    /** Progress: called with (done, total) every few thousand tickets. */
    public interface Progress {
        void update(long done, long total);
    }

    public OverdueReport build(
            ReportScope scope, List<TicketHistory> tickets, LocalDate asOfDate, Texts texts, Progress progress) {
        Instant at = moment(asOfDate);
        Locale locale = texts.locale();
        List<OverdueRow> rows = new ArrayList<>();
        Map<String, SummaryRow> byItem = new TreeMap<>();
        Map<String, SummaryRow> byDepartment = new TreeMap<>();
        Map<String, SummaryRow> byTownship = new TreeMap<>();
        String countyName = scope.countyCode();
        String townshipName = null;
        int done = 0;
        TicketScope within = scope.tickets(catalog);
        Map<String, Integer> order = new HashMap<>();
        catalog.departments().forEach(d -> order.put(d.code(), order.size()));
        for (TicketHistory h : tickets) {
            if (++done % 5000 == 0) {
                progress.update(done, tickets.size());
            }
            if (!within.covers(h.ticket())) {
                continue;
            }
            var then = AsOf.view(catalog, h.ticket(), h.events(), at);
            if (then.isEmpty()) {
                continue;
            }
            Ticket t = then.get().ticket();
            countyName = t.county().name();
            if (t.township().code().equals(scope.townshipCode())) {
                townshipName = t.township().name();
            }
            TicketClock c = clocks.compute(t, then.get().events(), at);
            ServiceItem item = catalog.item(t.itemCode()).orElseThrow();
            SummaryRow counts = count(t, c, then.get().events().stream().anyMatch(TicketEvent::lateEntry));
            String department = catalog.departmentName(item.departmentCode(), locale);
            String departmentKey = String.format("%02d", order.getOrDefault(item.departmentCode(), 99));
            add(
                    byItem,
                    departmentKey + String.format("%03d", item.number()),
                    new SummaryRow(department, catalog.itemName(item.code(), locale), 0, 0, 0, 0, 0, 0),
                    counts);
            add(byDepartment, departmentKey, new SummaryRow(department, null, 0, 0, 0, 0, 0, 0), counts);
            add(byTownship, t.township().code(), new SummaryRow(t.township().name(), null, 0, 0, 0, 0, 0, 0), counts);
            if (c.state() == LadderState.STEP_OVERDUE || c.state() == LadderState.SUPERVISED) {
                rows.add(row(t, c, item, department, at, texts));
            }
        }
        progress.update(tickets.size(), tickets.size());
        rows.sort(Comparator.comparing((OverdueRow r) -> r.state() != LadderState.SUPERVISED)
                .thenComparing(OverdueRow::daysOpen, Comparator.reverseOrder())
                .thenComparing(OverdueRow::ticketNo));
        SummaryRow totals = new SummaryRow(texts.msg("report.total"), null, 0, 0, 0, 0, 0, 0);
        for (SummaryRow r : byDepartment.values()) {
            totals = totals.plus(r);
        }
        return new OverdueReport(
                scope,
                countyName,
                scope.describe(catalog, countyName, townshipName, locale),
                asOfDate,
                at,
                clock.instant(),
                List.copyOf(rows),
                List.copyOf(byItem.values()),
                List.copyOf(byDepartment.values()),
                List.copyOf(byTownship.values()),
                totals);
    }

    private static void add(Map<String, SummaryRow> map, String key, SummaryRow empty, SummaryRow counts) {
        map.merge(key, empty.plus(counts), SummaryRow::plus);
    }

    private static SummaryRow count(Ticket t, TicketClock c, boolean lateEntry) {
        boolean concluded = t.status() == TicketStatus.CONCLUDED;
        return new SummaryRow(
                null,
                null,
                concluded ? 0 : 1,
                c.state() == LadderState.SUPERVISED ? 1 : 0,
                c.state() == LadderState.STEP_OVERDUE ? 1 : 0,
                c.state() == LadderState.DUE_SOON ? 1 : 0,
                concluded ? 1 : 0,
                concluded && c.concludedOnTime(t.concludedAt()) ? 1 : 0,
                lateEntry ? 1 : 0);
    }

    private OverdueRow row(Ticket t, TicketClock c, ServiceItem item, String department, Instant at, Texts texts) {
        Locale locale = texts.locale();
        OverdueRow.Responsible unit = responsible(t, item);
        Instant stepDue = c.current().map(StepTiming::due).orElse(null);
        long daysPastStep = stepDue != null && !at.isBefore(stepDue)
                ? Duration.between(stepDue, at).toDays() + 1
                : 0;
        long daysSupervised = !at.isBefore(c.supervisedFrom())
                ? Duration.between(c.supervisedFrom(), at).toDays() + 1
                : 0;
        return new OverdueRow(
                t.ticketNo(),
                item.code(),
                catalog.itemName(item.code(), locale),
                item.departmentCode(),
                department,
                t.township().code(),
                t.township().name(),
                t.village().name(),
                t.applicant().name(),
                t.applicant().maskedIdNumber(),
                catalog.stepName(t.currentStep(), locale),
                texts.msg(
                        unit.township() ? "report.townshipUnit" : "report.departmentUnit",
                        unit.township() ? t.township().name() : catalog.departmentName(unit.code(), texts.locale())),
                t.submittedAt(),
                c.openDays(),
                c.pausedDays(),
                stepDue,
                daysPastStep,
                daysSupervised,
                c.state(),
                texts.msg("ladder." + c.state().name()),
                unit,
                false);
    }

    /**
     * Whose turn it is: the township when only township staff act in the current step (on-site
     * verification), else the department that acts (the item's, or the one the action names).
     */
    private OverdueRow.Responsible responsible(Ticket t, ServiceItem item) {
        List<ActionDef> here = catalog.workflowOf(t.itemCode()).actions().stream()
                .filter(a -> a.from().contains(t.currentStep()))
                .toList();
        ActionDef main = here.stream().filter(ActionDef::main).findFirst().orElse(here.isEmpty() ? null : here.get(0));
        if (main != null && !main.roles().contains(Role.CLERK)) {
            return new OverdueRow.Responsible(true, t.township().code());
        }
        return new OverdueRow.Responsible(
                false, main != null && main.department() != null ? main.department() : item.departmentCode());
    }
}
