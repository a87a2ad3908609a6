package org.reliefdesk.logic.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each queue holds exactly the tickets its rule names, on a generated county where every queue has some. */
class QueueTest {

    @Test
    void everyQueueHoldsWhatItsRuleNamesAndNoOther() {
        Catalog catalog = CatalogLoader.loadBuiltIn();
        Instant now = SampleGenerator.noon(LocalDate.of(2026, 11, 25));
        List<TicketHistory> county = new SampleGenerator(catalog).generate(3, now, 800);
        TicketClocks clocks = new TicketClocks(catalog, CalendarLoader.builtIn());
        Map<Queue, Integer> sizes = new EnumMap<>(Queue.class);
        for (TicketHistory h : county) {
            TicketClock c = clocks.compute(h.ticket(), h.events(), now);
            Map<Queue, Boolean> rule = new EnumMap<>(Queue.class);
            rule.put(Queue.ALL, true);
            rule.put(Queue.NEW, h.ticket().status() == TicketStatus.NEW);
            rule.put(Queue.IN_PROGRESS, h.ticket().status() == TicketStatus.IN_PROGRESS);
            rule.put(Queue.CONCLUDED, h.ticket().status() == TicketStatus.CONCLUDED);
            rule.put(Queue.DUE_SOON, c.state() == LadderState.DUE_SOON);
            rule.put(Queue.STEP_OVERDUE, c.state() == LadderState.STEP_OVERDUE);
            rule.put(Queue.SUPERVISED, c.state() == LadderState.SUPERVISED);
            rule.put(Queue.FOLLOW_UP_OVERDUE, c.followUpOverdue());
            for (Map.Entry<Queue, Boolean> e : rule.entrySet()) {
                assertEquals(
                        e.getValue(),
                        e.getKey().contains(h.ticket(), c),
                        e.getKey() + " " + h.ticket().ticketNo());
                assertEquals(e.getValue(), e.getKey().contains(h.ticket(), c, false), "only my tasks hear actionable");
                sizes.merge(e.getKey(), e.getValue() ? 1 : 0, Integer::sum);
            }
            assertTrue(Queue.MY_TASKS.contains(h.ticket(), c, true));
            assertFalse(Queue.MY_TASKS.contains(h.ticket(), c, false));
            assertFalse(Queue.MY_TASKS.contains(h.ticket(), c));
        }
        for (Queue q : List.of(
                Queue.NEW,
                Queue.IN_PROGRESS,
                Queue.CONCLUDED,
                Queue.DUE_SOON,
                Queue.STEP_OVERDUE,
                Queue.SUPERVISED,
                Queue.FOLLOW_UP_OVERDUE)) {
            assertTrue(sizes.get(q) > 0 && sizes.get(q) < county.size(), q + " holds some, not all: " + sizes.get(q));
        }
    }
}
