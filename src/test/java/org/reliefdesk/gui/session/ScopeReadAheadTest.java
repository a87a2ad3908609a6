package org.reliefdesk.gui.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.TicketImporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scope read while the sign-in list shows: taken once by the same scope, dropped by any other. */
class ScopeReadAheadTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final LocalDate TODAY = LocalDate.of(2021, 11, 23);
    private static final Clock CLOCK = Clock.fixed(SampleGenerator.noon(TODAY), ChinaTime.ZONE);
    private static final TicketScope COUNTY = new TicketScope("530128", null, null);

    @TempDir
    Path dir;

    private LocalStore store() throws IOException {
        return store(120);
    }

    private LocalStore store(int count) throws IOException {
        LocalStore store = LocalStore.open(dir);
        TicketLineCodec codec = new TicketLineCodec(CATALOG);
        List<String> lines = new SampleGenerator(CATALOG)
                .generate(5, TODAY, count).stream().map(codec::write).toList();
        new TicketImporter(store, codec, TODAY)
                .importLines(new BufferedReader(new StringReader(String.join("\n", lines))), n -> {});
        return store;
    }

    @Test
    void theSameScopeTakesTheTicketsWithTheirClocksOnce() throws IOException {
        try (LocalStore store = store()) {
            TicketClocks maker = new TicketClocks(CATALOG, CalendarLoader.builtIn());
            ScopeReadAhead ahead = new ScopeReadAhead();
            ahead.expect(COUNTY);
            ahead.read(store, maker, CLOCK);

            ScopeReadAhead.Read read = ahead.take(COUNTY).orElseThrow();
            var stored = store.tickets().scope(COUNTY);
            assertEquals(stored.tickets(), read.tickets());
            assertEquals(CLOCK.instant(), read.at());
            for (Ticket t : stored.tickets()) {
                assertEquals(
                        maker.compute(t, stored.timelines().getOrDefault(t.id(), List.of()), CLOCK.instant()),
                        read.clocks().get(t.id()),
                        t.ticketNo());
            }
            assertEquals(Optional.empty(), ahead.take(COUNTY), "once only");
        }
    }

    @Test
    void anotherScopeSigningInDropsIt() throws IOException {
        try (LocalStore store = store()) {
            TicketClocks maker = new TicketClocks(CATALOG, CalendarLoader.builtIn());
            TicketScope water = TicketScope.of(DemoUsers.WATER_CLERK, CATALOG);

            ScopeReadAhead ahead = new ScopeReadAhead();
            ahead.expect(COUNTY);
            ahead.read(store, maker, CLOCK);
            assertTrue(ahead.take(water).isEmpty());
            assertTrue(ahead.take(COUNTY).isEmpty(), "dropped, not kept for later");

            // expected but never begun (its lane busy): not waited for
            ahead.expect(COUNTY);
            assertTrue(ahead.take(COUNTY).isEmpty());
            ahead.read(store, maker, CLOCK); // too late: it was dropped
            assertTrue(ahead.take(COUNTY).isEmpty());

            // stopped before it ran: it does not read at all
            ahead.expect(COUNTY);
            ahead.keepOnly(water);
            ahead.read(store, maker, CLOCK);
            assertTrue(ahead.take(COUNTY).isEmpty());
        }
    }

    @Test
    void theFirstScreenReadAheadIsTakenOnceByTheSameScopeAndDroppedByAnother() throws IOException {
        try (LocalStore store = store()) {
            TicketClocks maker = new TicketClocks(CATALOG, CalendarLoader.builtIn());
            TicketScope water = TicketScope.of(DemoUsers.WATER_CLERK, CATALOG);
            ScopeReadAhead.Read screen = new ScopeReadAhead.Read(
                    store.tickets().newest(COUNTY, 20).tickets(), Map.of(), maker, CLOCK.instant());
            ScopeReadAhead ahead = new ScopeReadAhead();

            ahead.keepFirstScreen(COUNTY, 20, screen);
            assertTrue(ahead.takeFirstScreen(COUNTY, 20).isEmpty(), "kept only for the scope expected");

            ahead.expect(COUNTY);
            ahead.keepFirstScreen(COUNTY, 20, screen);
            assertTrue(ahead.takeFirstScreen(COUNTY, 400).isEmpty(), "a screen of another length is not this one");
            ahead.keepFirstScreen(COUNTY, 20, screen);
            assertEquals(screen, ahead.takeFirstScreen(COUNTY, 20).orElseThrow());
            assertTrue(ahead.takeFirstScreen(COUNTY, 20).isEmpty(), "once only: the store may change after");

            // someone else signs in first (and may change the store): the leader's screen is dropped
            ahead.expect(COUNTY);
            ahead.keepFirstScreen(COUNTY, 20, screen);
            ahead.keepOnly(water);
            assertTrue(ahead.takeFirstScreen(COUNTY, 20).isEmpty());
        }
    }

    @Test
    void aHeldReadWaitsForTheFirstScreenAndGoesOnWhenTaken() throws Exception {
        try (LocalStore store = store(1000)) { // held at its first row already
            TicketClocks maker = new TicketClocks(CATALOG, CalendarLoader.builtIn());
            ScopeReadAhead ahead = new ScopeReadAhead();
            ahead.expect(COUNTY);
            ahead.hold();
            Thread reader = new Thread(() -> ahead.read(store, maker, CLOCK));
            reader.start();
            reader.join(1500);
            assertTrue(reader.isAlive(), "held while the first screen is drawn");
            assertEquals(1000, ahead.take(COUNTY).orElseThrow().tickets().size());
            reader.join(10_000);
            assertTrue(!reader.isAlive());
        }
    }

    @Test
    void theLastUserIsRememberedPerDataDirectory() {
        assertEquals(Optional.empty(), LastUser.read(dir));
        LastUser.remember(dir, "leader");
        assertEquals(Optional.of("leader"), LastUser.read(dir));
        LastUser.remember(dir, "water.clerk");
        assertEquals(Optional.of("water.clerk"), LastUser.read(dir));
    }
}
