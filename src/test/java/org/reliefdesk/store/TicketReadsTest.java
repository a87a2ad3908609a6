package org.reliefdesk.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bulk read of a scope (plain JDBC) against the stored tickets and histories read one by one. */
class TicketReadsTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final TicketLineCodec CODEC = new TicketLineCodec(CATALOG);

    @TempDir
    Path dir;

    private LocalStore sampleStore(int count) throws IOException {
        LocalStore store = LocalStore.open(dir);
        List<String> lines = new SampleGenerator(CATALOG)
                .generate(11, TestData.TODAY, count).stream().map(CODEC::write).toList();
        new TicketImporter(store, CODEC, TestData.TODAY)
                .importLines(new BufferedReader(new StringReader(String.join("\n", lines))), n -> {});
        return store;
    }

    @Test
    void aScopeReadInBulkIsWhatIsStoredTicketByTicket() throws IOException {
        try (LocalStore store = sampleStore(400)) {
            TicketScope county = new TicketScope("530128", null, null);
            TicketScope water = TicketScope.of(DemoUsers.WATER_CLERK, CATALOG);
            TicketScope township = TicketScope.of(DemoUsers.TOWNSHIP_STAFF, CATALOG);
            long all = store.tickets().count();
            // the county is read as whole tables, the others on the scope's index
            assertEquals(all, store.tickets().list(county).size());
            assertTrue(store.tickets().list(water).size() * 3 < all);
            assertTrue(store.tickets().list(township).size() * 3 < all);
            for (TicketScope scope : List.of(county, water, township)) {
                TicketStore.Screen read = store.tickets().scope(scope);
                List<Ticket> stored = store.tickets().list(scope);
                assertFalse(stored.isEmpty(), scope.key());
                assertEquals(
                        stored.stream().sorted(Comparator.comparing(Ticket::id)).toList(),
                        read.tickets().stream()
                                .sorted(Comparator.comparing(Ticket::id))
                                .toList(),
                        scope.key());
                for (int i = 1; i < read.tickets().size(); i++) {
                    assertFalse(
                            read.tickets()
                                    .get(i)
                                    .submittedAt()
                                    .isAfter(read.tickets().get(i - 1).submittedAt()),
                            "newest first");
                }
                for (Ticket t : read.tickets()) {
                    List<TicketEvent> slim = store.tickets().events(t.id()).stream()
                            .map(e -> new TicketEvent(
                                    e.id(),
                                    e.ticketId(),
                                    e.seq(),
                                    e.actor(),
                                    e.at(),
                                    e.action(),
                                    e.fromStep(),
                                    e.toStep(),
                                    null,
                                    null,
                                    e.outcome(),
                                    e.receivedAt()))
                            .toList();
                    assertEquals(slim, read.timelines().getOrDefault(t.id(), List.of()), t.ticketNo());
                }
            }
        }
    }

    @Test
    void aReadNobodyWantsAnyMoreStops() throws IOException {
        try (LocalStore store = sampleStore(1000)) {
            TicketScope county = new TicketScope("530128", null, null);
            assertThrows(CancellationException.class, () -> store.tickets().scope(county, () -> true));
            assertEquals(
                    1000, store.tickets().scope(county, () -> false).tickets().size());
        }
    }
}
