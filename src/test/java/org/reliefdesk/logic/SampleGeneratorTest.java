package org.reliefdesk.logic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.interchange.LineRejectedException;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleGeneratorTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final LocalDate AS_OF = LocalDate.of(2021, 11, 23);

    private static List<TicketHistory> generate(long seed, LocalDate asOf) {
        return new SampleGenerator(CATALOG).generate(seed, asOf, SampleGenerator.DEFAULT_COUNT);
    }

    @Test
    void sameSeedAndDateGiveTheSameFile() {
        TicketLineCodec codec = new TicketLineCodec(CATALOG);
        List<String> a = generate(1, AS_OF).stream().map(codec::write).toList();
        List<String> b = generate(1, AS_OF).stream().map(codec::write).toList();
        List<String> c = generate(2, AS_OF).stream().map(codec::write).toList();
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void demoCountyHasEveryItemAndEveryKindOfWorkAsOfTheDate() throws LineRejectedException {
        List<TicketHistory> sample = generate(SampleGenerator.DEFAULT_SEED, AS_OF);
        assertTrue(sample.size() >= 2000);
        assertEquals(
                15, sample.stream().map(h -> h.ticket().itemCode()).distinct().count());
        Instant asOf = AS_OF.atTime(18, 0).atZone(ChinaTime.ZONE).toInstant();
        List<Ticket> tickets = sample.stream().map(TicketHistory::ticket).toList();
        TicketClocks clocks = new TicketClocks(CATALOG, CalendarLoader.builtIn());
        // Every queue of the workbench has work in it, due-soon and overdue included.
        for (Queue q : Queue.values()) {
            if (q == Queue.MY_TASKS) {
                continue; // depends on who is signed in; see the GUI tests
            }
            long n = sample.stream()
                    .filter(h -> q.contains(h.ticket(), clocks.compute(h.ticket(), h.events(), asOf)))
                    .count();
            assertTrue(n >= 20, q + " has only " + n);
        }
        // Every outcome path of the big items shows up somewhere.
        Set<String> outcomes =
                tickets.stream().map(Ticket::outcome).filter(o -> o != null).collect(Collectors.toSet());
        assertTrue(
                outcomes.containsAll(Set.of(
                        "rejected",
                        "approved",
                        "solved",
                        "not_included",
                        "renovated",
                        "returned_to_school",
                        "employed",
                        "handled")),
                outcomes.toString());
        assertTrue(tickets.stream().noneMatch(t -> t.submittedAt().isAfter(asOf)));
        // Every line passes the importer's own validation (valid ID numbers, consistent history).
        TicketLineCodec codec = new TicketLineCodec(CATALOG);
        Set<String> numbers = tickets.stream().map(Ticket::ticketNo).collect(Collectors.toSet());
        assertEquals(tickets.size(), numbers.size());
        for (TicketHistory h : sample) {
            codec.read(codec.write(h), 1, AS_OF);
        }
    }

    @Test
    void anotherDateMovesTheWholeSample() {
        LocalDate later = AS_OF.plusYears(5);
        Instant asOf = later.atTime(18, 0).atZone(ChinaTime.ZONE).toInstant();
        List<Ticket> tickets = generate(SampleGenerator.DEFAULT_SEED, later).stream()
                .map(TicketHistory::ticket)
                .toList();
        assertTrue(tickets.stream().filter(t -> t.status() == TicketStatus.NEW).count() >= 20);
    }
}
