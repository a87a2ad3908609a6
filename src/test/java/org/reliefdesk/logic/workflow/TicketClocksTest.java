package org.reliefdesk.logic.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.StepState;
import org.reliefdesk.logic.clock.StepTiming;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketClocksTest {

    private static final TicketClocks CLOCKS = new TicketClocks(Harness.CATALOG, CalendarLoader.builtIn());

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(Harness.ZONE).toInstant();
    }

    /** A water ticket dispatched at {@code dispatched} (China time), submitted ten minutes before. */
    private static Harness water(String dispatched) {
        return water(at(dispatched).minusSeconds(600), at(dispatched));
    }

    private static Harness water(Instant submitted, Instant d) {
        Harness h = new Harness("drinking_water");
        h.ticket = h.ticket.withDispatchedAt(d);
        h.history.set(
                1,
                new TicketEvent(
                        h.history.get(1).id(),
                        h.ticket.id(),
                        2,
                        "platform",
                        d,
                        "dispatch",
                        "acceptance",
                        "acceptance",
                        null,
                        Map.of(),
                        null));
        h.history.set(
                0,
                new TicketEvent(
                        h.history.get(0).id(),
                        h.ticket.id(),
                        1,
                        "李四",
                        submitted,
                        "submit",
                        null,
                        "acceptance",
                        null,
                        h.history.get(0).formData(),
                        null));
        h.ticket = new Ticket(
                h.ticket.id(),
                h.ticket.ticketNo(),
                h.ticket.itemCode(),
                h.ticket.county(),
                h.ticket.township(),
                h.ticket.village(),
                h.ticket.applicant(),
                h.ticket.channel(),
                null,
                submitted,
                d,
                "acceptance",
                h.ticket.status(),
                null,
                null,
                0);
        h.now = d;
        return h;
    }

    @Test
    void aTicketAwaitingItsFollowUpVisitIsConcludedAndNeverSupervised() {
        Harness h = water("2024-06-03T09:10");
        for (String action : List.of("accept", "verify", "solve", "feedback")) {
            h.act(action);
        }
        Instant fedBack = h.now;
        assertEquals(fedBack, h.ticket.concludedAt(), "办结 is the feedback");
        // five weeks on, the visit is still not made: late, but on its own list
        TicketClock late = CLOCKS.compute(h.ticket, h.history, at("2024-07-10T10:00"));
        assertEquals(LadderState.CONCLUDED, late.state());
        assertTrue(late.concludedOnTime(h.ticket.concludedAt()));
        assertEquals("follow_up", late.current().orElseThrow().step());
        assertTrue(late.followUpOverdue());
        assertEquals(TicketClock.FOLLOW_UP_OVERDUE, late.shownState());
        assertFalse(Queue.SUPERVISED.contains(h.ticket, late));
        assertFalse(Queue.STEP_OVERDUE.contains(h.ticket, late));
        assertTrue(Queue.FOLLOW_UP_OVERDUE.contains(h.ticket, late));
        assertTrue(Queue.CONCLUDED.contains(h.ticket, late));
        assertEquals(Duration.between(h.ticket.submittedAt(), fedBack), late.open(), "days open stop at 办结");
        // the day after the feedback the visit is pending, not late
        TicketClock next = CLOCKS.compute(h.ticket, h.history, fedBack.plus(Duration.ofDays(1)));
        assertEquals(TicketClock.FOLLOW_UP_PENDING, next.shownState());
        assertFalse(Queue.FOLLOW_UP_OVERDUE.contains(h.ticket, next));
        // after the visit nothing is pending and the conclusion time stays
        h.act("follow_up");
        TicketClock done = CLOCKS.compute(h.ticket, h.history, at("2024-07-10T10:00"));
        assertEquals(LadderState.CONCLUDED.name(), done.shownState());
        assertEquals(fedBack, h.ticket.concludedAt());
    }

    @Test
    void supervisionCountsFromSubmissionSoALateDispatchNeverMovesTheLadderBack() {
        Instant submitted = at("2024-06-03T09:00");
        Harness h = water(submitted, at("2024-06-15T09:00"));
        // before dispatch: the platform's file holds the submission only
        Ticket waiting = h.ticket.withDispatchedAt(null);
        List<TicketEvent> submittedOnly = h.history.subList(0, 1);
        TicketClock day11 = CLOCKS.compute(waiting, submittedOnly, at("2024-06-14T08:00"));
        assertEquals(LadderState.SUPERVISED, day11.state());
        assertEquals(at("2024-06-14T00:00"), day11.stateSince());
        // dispatched on day 12: still supervised, since the same moment
        TicketClock dispatched = CLOCKS.compute(h.ticket, h.history, at("2024-06-15T10:00"));
        assertEquals(LadderState.SUPERVISED, dispatched.state());
        assertEquals(at("2024-06-14T00:00"), dispatched.supervisedFrom());
        assertEquals(submitted, dispatched.start());
    }

    @Test
    void aReopenedTicketCountsFromItsOriginalSubmission() {
        Harness h = water("2024-06-03T09:10");
        for (String action : List.of("accept", "verify", "solve", "feedback")) {
            h.act(action);
        }
        h.act("follow_up", Map.of("satisfaction", "dissatisfied"));
        h.now = at("2024-06-20T09:00").minus(Duration.ofHours(20));
        h.act("reopen", Map.of("reason", "水量仍然不足"));
        assertEquals(null, h.ticket.concludedAt());
        TicketClock c = CLOCKS.compute(h.ticket, h.history, at("2024-06-20T10:00"));
        assertEquals(LadderState.SUPERVISED, c.state(), "the resident has been waiting since 06-03");
        assertEquals(at("2024-06-14T00:00"), c.supervisedFrom());
        // fed back again: concluded at the new feedback, late
        h.act("solve");
        h.act("feedback");
        assertEquals(h.now, h.ticket.concludedAt());
        assertFalse(CLOCKS.compute(h.ticket, h.history, h.now).concludedOnTime(h.ticket.concludedAt()));
    }

    @Test
    void waterMustBeAcceptedWithin24Hours() {
        Harness h = water("2024-09-27T16:00");
        StepTiming acceptance = CLOCKS.compute(h.ticket, h.history, at("2024-09-28T09:00"))
                .current()
                .orElseThrow();
        assertEquals(at("2024-09-28T16:00"), acceptance.due());
        assertEquals(StepState.ON_TIME, acceptance.state());
        TicketClock soon = CLOCKS.compute(h.ticket, h.history, at("2024-09-28T11:00"));
        assertEquals(LadderState.DUE_SOON, soon.state());
        assertEquals(at("2024-09-28T10:00"), soon.stateSince()); // the last 6 hours
        TicketClock late = CLOCKS.compute(h.ticket, h.history, at("2024-09-28T16:00"));
        assertEquals(LadderState.STEP_OVERDUE, late.state());
        assertEquals(at("2024-09-28T16:00"), late.stateSince());
    }

    @Test
    void verificationWithinTwoWorkingDaysCountsTheMakeUpSunday() {
        Harness h = water("2024-09-27T08:00");
        h.now = at("2024-09-27T15:00").minus(Duration.ofHours(20)); // act() adds 20 hours
        h.act("accept"); // at 2024-09-27T15:00
        TicketClock c = CLOCKS.compute(h.ticket, h.history, at("2024-09-29T10:00"));
        StepTiming verification = c.current().orElseThrow();
        assertEquals("verification", verification.step());
        assertEquals(at("2024-10-01T00:00"), verification.due()); // end of Monday 09-30
        assertEquals(StepState.ON_TIME, verification.state());
        assertEquals(at("2024-09-30T00:00"), verification.dueSoonFrom());
        assertEquals(StepState.DONE_ON_TIME, c.steps().get(0).state()); // accepted within 24 h
        assertEquals(
                LadderState.STEP_OVERDUE,
                CLOCKS.compute(h.ticket, h.history, at("2024-10-01T08:00")).state());
    }

    @Test
    void solvingWithinFiveWorkingDaysSkipsTheNationalDayWeek() {
        Harness h = water("2024-09-26T08:00");
        h.now = at("2024-09-26T10:00").minus(Duration.ofHours(20));
        h.act("accept");
        h.act("verify"); // 2024-09-27T06:00
        StepTiming solving =
                CLOCKS.compute(h.ticket, h.history, h.now).current().orElseThrow();
        assertEquals("solving", solving.step());
        // 09-29 (make-up Sunday), 09-30, then 10-08, 10-09, 10-10 → end of 10-10
        assertEquals(at("2024-10-11T00:00"), solving.due());
    }

    @Test
    void supervisionBeginsAfterTenDaysAndIsDueSoonOnDayEight() {
        Harness h = water("2024-06-03T09:10");
        h.act("accept");
        h.act("verify");
        TicketClock day8 = CLOCKS.compute(h.ticket, h.history, at("2024-06-11T08:00"));
        assertEquals(at("2024-06-14T00:00"), day8.supervisedFrom());
        assertEquals(at("2024-06-11T00:00"), day8.supervisionDueSoonFrom());
        assertTrue(day8.state() == LadderState.DUE_SOON || day8.state() == LadderState.STEP_OVERDUE);
        TicketClock day10 = CLOCKS.compute(h.ticket, h.history, at("2024-06-13T23:59:59"));
        assertFalse(day10.state() == LadderState.SUPERVISED);
        TicketClock day11 = CLOCKS.compute(h.ticket, h.history, at("2024-06-14T00:00"));
        assertEquals(LadderState.SUPERVISED, day11.state());
        assertEquals(at("2024-06-14T00:00"), day11.stateSince());
    }

    @Test
    void aTicketConcludedInTenDaysLeavesTheLadderOnTime() {
        Harness h = water("2024-06-03T09:10");
        h.walkMainPath();
        TicketClock c = CLOCKS.compute(h.ticket, h.history, at("2024-07-01T00:00"));
        assertEquals(LadderState.CONCLUDED, c.state());
        assertTrue(c.concludedOnTime(h.ticket.concludedAt()));
        assertTrue(c.current().isEmpty());
    }

    @Test
    void waitingForMaterialIsShownApartAndDoesNotStopSupervisionByDefault() throws IOException {
        Harness h = new Harness("out_of_area_reimbursement");
        h.act("request_material");
        Instant paused = h.now;
        h.now = h.now.plus(Duration.ofDays(3)).minus(Duration.ofHours(20));
        h.act("supply_material");
        TicketClock c = CLOCKS.compute(h.ticket, h.history, h.now.plus(Duration.ofDays(1)));
        assertEquals(Duration.between(paused, h.now), c.paused());
        assertEquals(3, c.pausedDays());
        assertTrue(c.open().compareTo(c.paused()) > 0);
        StepTiming review = c.current().orElseThrow();
        assertEquals("review", review.step());
        assertEquals(h.now, review.entered()); // a fresh limit after the material arrived
        Instant supervisedByDefault = c.supervisedFrom();

        String json = new String(
                        CatalogLoader.class
                                .getResourceAsStream(CatalogLoader.BUILT_IN)
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("\"pausedTimeCounts\": true", "\"pausedTimeCounts\": false");
        Catalog pausing =
                CatalogLoader.load("pausing.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        TicketClock p = new TicketClocks(pausing, CalendarLoader.builtIn())
                .compute(h.ticket, h.history, h.now.plus(Duration.ofDays(1)));
        assertEquals(supervisedByDefault.plus(c.paused()), p.supervisedFrom());
    }

    @Test
    void aYearWithoutCalendarDataIsEstimatedAndAnAddedYearRecomputes(@TempDir Path dataDir) throws IOException {
        Harness h = water("2027-09-29T09:00");
        h.act("accept"); // 2027-09-30T05:00
        TicketClock before = CLOCKS.compute(h.ticket, h.history, h.now);
        assertTrue(before.estimated());
        assertEquals(at("2027-10-05T00:00"), before.current().orElseThrow().due()); // Fri 10-01, Mon 10-04

        Path file = dataDir.resolve("2027.json");
        Files.writeString(file, """
                {"formatVersion":1,"year":2027,"notice":{"title":"国务院办公厅关于2027年部分节假日安排的通知","issued":"2026-11-01"},
                 "offDays":[{"from":"2027-10-01","to":"2027-10-07"}],"makeUpWorkingDays":[]}""");
        CalendarLoader.install(file, dataDir);
        TicketClock after =
                new TicketClocks(Harness.CATALOG, CalendarLoader.load(dataDir)).compute(h.ticket, h.history, h.now);
        assertFalse(after.estimated());
        assertEquals(at("2027-10-12T00:00"), after.current().orElseThrow().due()); // Fri 10-08, Mon 10-11
    }
}
