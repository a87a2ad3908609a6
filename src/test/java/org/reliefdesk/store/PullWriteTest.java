package org.reliefdesk.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.model.TicketHistory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A pull page that mixes tickets this PC holds already (a clerk worked on them here) with
 * tickets it has never seen (the leader's first county-wide pull on a shared PC).
 */
class PullWriteTest {

    @TempDir
    Path dir;

    @Test
    void aPageOfKnownTicketsFollowedByNewOnesIsWrittenWhole() {
        try (LocalStore store = LocalStore.open(dir)) {
            List<TicketHistory> known = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                TicketHistory h = TestData.newWaterTicket(String.format("530128202111200%03d", i));
                TestData.insert(store, h);
                known.add(h);
            }
            List<TicketHistory> page = new ArrayList<>();
            for (TicketHistory h : known) {
                page.add(TestData.acceptedByCentral(h, "verification"));
            }
            for (int i = 4; i <= 8; i++) {
                page.add(TestData.newWaterTicket(String.format("530128202111200%03d", i)));
            }

            assertEquals(8, store.tickets().replaceFromCentral(page, "leader", 42));

            assertEquals(8, store.tickets().count());
            assertEquals(8 * 2 + 3, store.tickets().eventCount());
            assertEquals(42, store.syncFacts().cursor("leader"));
            assertEquals(
                    "verification",
                    store.tickets()
                            .find(known.get(0).ticket().id())
                            .orElseThrow()
                            .currentStep());
        }
    }
}
