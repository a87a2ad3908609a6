package org.reliefdesk.logic.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report data agrees with the workbench's queues, adds up, and counts the past as it was. */
class OverdueReportsTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final TicketClocks CLOCKS = new TicketClocks(CATALOG, CalendarLoader.builtIn());
    private static final LocalDate DAY = LocalDate.of(2021, 11, 23);
    private static final Instant NOON = SampleGenerator.noon(DAY);
    private static final List<TicketHistory> COUNTY =
            new SampleGenerator(CATALOG).generate(SampleGenerator.DEFAULT_SEED, NOON, 900);
    private static final Texts ZH = new Texts(Texts.CHINESE);

    private static OverdueReports reports() {
        return new OverdueReports(CATALOG, CLOCKS, Clock.fixed(NOON, ChinaTime.ZONE));
    }

    @Test
    void ticketsWithLateEntriesAreCountedBesideTheOnTimeFigures() {
        // two concluded tickets: one's last entry reached the central store three days after the
        // time it carries, the other's within the hour
        List<TicketHistory> concluded = COUNTY.stream()
                .filter(h -> h.ticket().status() == TicketStatus.CONCLUDED)
                .limit(2)
                .toList();
        List<TicketHistory> county = new ArrayList<>(COUNTY);
        for (int i = 0; i < 2; i++) {
            TicketHistory h = concluded.get(i);
            List<TicketEvent> events = new ArrayList<>(h.events());
            TicketEvent last = events.remove(events.size() - 1);
            events.add(last.receivedAt(last.at().plus(i == 0 ? Duration.ofDays(3) : Duration.ofMinutes(40))));
            county.set(county.indexOf(h), new TicketHistory(h.ticket(), events));
        }
        OverdueReport r = reports().build(ReportScope.county(DemoCounty.COUNTY.code()), county, DAY, ZH, (d, t) -> {});
        assertEquals(1, r.totals().lateEntries());
        assertEquals(
                1, r.byDepartment().stream().mapToInt(SummaryRow::lateEntries).sum());
        assertEquals(
                0,
                reports()
                        .build(ReportScope.county(DemoCounty.COUNTY.code()), COUNTY, DAY, ZH, (d, t) -> {})
                        .totals()
                        .lateEntries());
    }

    @Test
    void todaysRowsAreExactlyTheStepOverdueAndSupervisedQueues() {
        OverdueReport r = reports().build(ReportScope.county(DemoCounty.COUNTY.code()), COUNTY, DAY, ZH, (d, t) -> {});
        Set<String> queues = COUNTY.stream()
                .filter(h -> {
                    TicketClock c = CLOCKS.compute(h.ticket(), h.events(), NOON);
                    return Queue.STEP_OVERDUE.contains(h.ticket(), c) || Queue.SUPERVISED.contains(h.ticket(), c);
                })
                .map(h -> h.ticket().ticketNo())
                .collect(Collectors.toSet());
        assertFalse(queues.isEmpty());
        assertEquals(queues, r.rows().stream().map(OverdueRow::ticketNo).collect(Collectors.toSet()));
        assertEquals(queues.size(), r.rows().size());
        assertEquals(r.rows().size(), r.totals().overdue());
        assertEquals(NOON, r.asOf()); // today counts up to now
        // the summaries add up to the totals, every way round
        for (List<SummaryRow> by : List.of(r.byDepartment(), r.byDepartmentItem(), r.byTownship())) {
            assertEquals(
                    r.totals().open(), by.stream().mapToInt(SummaryRow::open).sum());
            assertEquals(
                    r.totals().supervised(),
                    by.stream().mapToInt(SummaryRow::supervised).sum());
            assertEquals(
                    r.totals().stepOverdue(),
                    by.stream().mapToInt(SummaryRow::stepOverdue).sum());
            assertEquals(
                    r.totals().dueSoon(),
                    by.stream().mapToInt(SummaryRow::dueSoon).sum());
            assertEquals(
                    r.totals().concluded(),
                    by.stream().mapToInt(SummaryRow::concluded).sum());
            assertEquals(
                    r.totals().concludedOnTime(),
                    by.stream().mapToInt(SummaryRow::concludedOnTime).sum());
        }
        assertEquals(COUNTY.size(), r.totals().open() + r.totals().concluded());
        assertEquals(7, r.byDepartment().size());
        assertEquals(15, r.byDepartmentItem().size());
        assertEquals("民政", r.byDepartment().get(0).group()); // catalog order, not code order
        // supervised first, then the longest open
        OverdueRow first = r.rows().get(0);
        assertEquals(LadderState.SUPERVISED, first.state());
        assertTrue(r.rows().stream()
                .filter(x -> x.state() == LadderState.SUPERVISED)
                .allMatch(x -> x.daysOpen() <= first.daysOpen()));
        assertTrue(first.maskedIdNumber().contains("*"), "ID numbers are masked");
    }

    @Test
    void aDepartmentOrTownshipScopeKeepsOnlyItsTickets() {
        OverdueReport water = reports()
                .build(new ReportScope(DemoCounty.COUNTY.code(), "WATER", null), COUNTY, DAY, ZH, (d, t) -> {});
        assertFalse(water.rows().isEmpty());
        assertTrue(water.rows().stream().allMatch(x -> x.itemCode().equals("drinking_water")));
        assertEquals("禄劝彝族苗族自治县 · 水利", water.scopeTitle());
        String pingshan = DemoCounty.firstTownship().code();
        OverdueReport township = reports()
                .build(new ReportScope(DemoCounty.COUNTY.code(), null, pingshan), COUNTY, DAY, ZH, (d, t) -> {});
        assertTrue(township.rows().stream().allMatch(x -> x.townshipCode().equals(pingshan)));
        assertEquals(1, township.byTownship().size());
    }

    @Test
    void aPastDateCountsTheTicketsAsTheyStoodThatEvening() {
        LocalDate earlier = DAY.minusDays(20);
        OverdueReport then =
                reports().build(ReportScope.county(DemoCounty.COUNTY.code()), COUNTY, earlier, ZH, (d, t) -> {});
        Instant evening = earlier.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
        assertTrue(then.asOf().isBefore(evening) && then.asOf().isAfter(evening.minusSeconds(1)));
        long submittedByThen = COUNTY.stream()
                .filter(h -> !h.ticket().submittedAt().isAfter(then.asOf()))
                .count();
        assertEquals(submittedByThen, then.totals().open() + then.totals().concluded());
        // a ticket concluded after that evening was still open then
        TicketHistory laterConcluded = COUNTY.stream()
                .filter(h -> h.ticket().status() == TicketStatus.CONCLUDED
                        && h.ticket().concludedAt().isAfter(then.asOf())
                        && h.ticket().submittedAt().isBefore(then.asOf()))
                .findFirst()
                .orElseThrow();
        TicketHistory past = AsOf.view(CATALOG, laterConcluded.ticket(), laterConcluded.events(), then.asOf())
                .orElseThrow();
        assertTrue(past.ticket().status().isOpen());
        assertEquals(null, past.ticket().concludedAt());
        assertTrue(past.events().size() < laterConcluded.events().size());
    }

    @Test
    void aFutureDateIsRefusedNamingTheField() {
        InvalidFieldException e = assertThrows(
                InvalidFieldException.class,
                () -> reports()
                        .build(
                                ReportScope.county(DemoCounty.COUNTY.code()),
                                COUNTY,
                                DAY.plusDays(1),
                                ZH,
                                (d, t) -> {}));
        assertEquals("asOf", e.field());
        assertEquals("rule.report.futureDate", e.rule());
        assertEquals("统计日期：2021-11-24 晚于今天（2021-11-23），请选择今天或以前的日期", ZH.describe(e));
    }
}
