package org.reliefdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aNumberTheCentralStoreGivesIsFreedHereAndTwoTicketsMaySwapTheirNumbers() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory provisional = TestData.newWaterTicket("530128202111200001"); // opened here offline
            TicketHistory other = TestData.newWaterTicket("530128202111200002");
            TicketHistory a = TestData.newWaterTicket("530128202111200005");
            TicketHistory b = TestData.newWaterTicket("530128202111200006");
            List.of(provisional, other, a, b).forEach(h -> TestData.insert(store, h));

            TicketHistory fromCentral = TestData.newWaterTicket("530128202111200001");
            List<TicketHistory> page = List.of(
                    fromCentral,
                    new TicketHistory(a.ticket().withNumber("530128202111200006"), a.events()),
                    new TicketHistory(b.ticket().withNumber("530128202111200005"), b.events()));
            TicketStore.PageWritten written = store.tickets()
                    .replaceFromCentral(
                            ReadyTicket.all(page), List.of(), List.of(), "leader", 9, Instant.now(), h -> "");
            assertEquals(3, written.written());
            assertEquals(
                    Set.of(provisional.ticket().id()),
                    written.renumbered(),
                    "named, so a screen showing the ticket reads it again: the page does not bring it");

            assertEquals("530128202111200001", number(store, fromCentral));
            Ticket moved = store.tickets().find(provisional.ticket().id()).orElseThrow();
            assertEquals(
                    "530128202111200007",
                    moved.ticketNo(),
                    "the next number after every one held here or given by the page");
            assertEquals(1, moved.version(), "moved: a form opened on it is refused");
            assertEquals("530128202111200002", number(store, other), "a number nobody claims stays");
            assertEquals("530128202111200006", number(store, a));
            assertEquals("530128202111200005", number(store, b));
        }
    }

    /**
     * One ticket the local database refuses (here a check the test adds: nothing a pulled ticket
     * can carry past the codec and the bounds is refused by schema 14 any more) is set aside
     * with the database's reason; the rest of the page and the cursor are written.
     */
    @Test
    void aTicketTheLocalDatabaseRefusesIsSetAsideAndTheRestOfThePageAndTheCursorAreWritten() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory here = TestData.newWaterTicket("530128202111200001");
            TestData.insert(store, here);
            TicketHistory fine = TestData.newWaterTicket("530128202111200002");
            TicketHistory refused = TestData.newWaterTicket("530128202111200003");
            store.inJdbcTransaction(c -> Sql.update(
                    c, "ALTER TABLE ticket ADD CONSTRAINT test_refuses CHECK (ticket_no <> '530128202111200003')"));

            TicketStore.PageWritten w = store.tickets()
                    .replaceFromCentral(
                            ReadyTicket.all(List.of(fine, refused)),
                            List.of(),
                            List.of(),
                            "leader",
                            12,
                            Instant.parse("2021-11-23T02:00:00Z"),
                            h -> "{\"id\":\"" + h.ticket().id() + "\"}");

            assertEquals(1, w.written());
            assertEquals(1, w.setAside());
            assertEquals(12, store.syncFacts().cursor("leader"), "the cursor goes past the page");
            assertEquals(2, store.tickets().count(), "the one already here and the one that fits");
            assertEquals(2 * 2, store.tickets().eventCount(), "no event of the refused ticket, none of the other lost");
            assertTrue(store.tickets().find(refused.ticket().id()).isEmpty());
            SetAside.Entry aside = store.setAside().list().get(0);
            assertEquals(refused.ticket().id(), aside.ticketId());
            // the person reads an id to pass on; the database's reason (SQL, in English) is in the log
            assertEquals("sync.setAside.database", aside.why().rule());
            String said = new Texts(Texts.CHINESE)
                    .msg(aside.why().rule(), aside.why().args().toArray());
            assertTrue(said.matches("本机数据库无法保存（错误编号 E-[0-9A-F]{8}，详情见本机日志）"), said);
        }
    }

    @Test
    void aTicketSetAsideIsNoLongerSoWhenALaterPageBringsItInAFormThatFits() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory x = TestData.newWaterTicket("530128202111200001");
            TicketHistory y = TestData.newWaterTicket("530128202111200002");
            Instant at = Instant.parse("2021-11-23T02:00:00Z");
            List<SetAside.Entry> refused = List.of(x, y).stream()
                    .map(h -> new SetAside.Entry(
                            h.ticket().id(),
                            h.ticket().ticketNo(),
                            "leader",
                            new InvalidFieldException("events", "rule.bounds.tooMany", 300),
                            "{}",
                            at))
                    .toList();
            store.tickets().replaceFromCentral(List.of(), List.of(), refused, "leader", 5, at, h -> "{}");
            assertEquals(2, store.setAside().count());

            TicketStore.PageWritten w = store.tickets()
                    .replaceFromCentral(ReadyTicket.all(List.of(x)), List.of(), List.of(), "leader", 6, at, h -> "{}");

            assertEquals(1, w.written());
            assertEquals(
                    List.of(y.ticket().id()),
                    store.setAside().list().stream()
                            .map(SetAside.Entry::ticketId)
                            .toList());
            assertTrue(store.tickets().find(x.ticket().id()).isPresent());
        }
    }

    /**
     * A pulled ticket keeps its forms as the texts the central store sent them in
     * ({@code ReadyTicket.of(h, texts)}): what reads back are the values those texts hold, however
     * they are spelled (spaces and line breaks, letters as escapes), in the history's order.
     */
    @Test
    void formsKeptAsTheTextsTheyCameInReadBackAsTheirValues() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory h = TestData.acceptedByCentral(TestData.newWaterTicket("530128202111200001"), "verification");
            ObjectMapper spelled = new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
            List<String> texts = new ArrayList<>();
            for (TicketEvent e : h.events()) {
                texts.add(spelled.writerWithDefaultPrettyPrinter().writeValueAsString(e.formData()));
            }
            assertTrue(texts.stream().anyMatch(t -> t.contains("\\u") && t.contains("\n")), texts.toString());

            store.tickets()
                    .replaceFromCentral(
                            List.of(ReadyTicket.of(h, texts)),
                            List.of(),
                            List.of(),
                            "leader",
                            3,
                            Instant.parse("2021-11-23T02:00:00Z"),
                            x -> "{}");

            assertEquals(h.events(), store.tickets().events(h.ticket().id()));
            assertThrows(IllegalArgumentException.class, () -> ReadyTicket.of(h, texts.subList(1, texts.size())));
        }
    }

    /**
     * Schema 14 keeps no key on an event's id: the central store owns each id (it refuses one
     * another ticket holds), and a PC finds events by their ticket. A pulled ticket whose event id
     * another ticket here holds (which an honest central store never sends) is written, and each
     * history reads back as its own, forms included.
     */
    @Test
    void aPulledTicketWhoseEventIdAnotherTicketHereHoldsLeavesEachHistoryItsOwn() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory here = TestData.newWaterTicket("530128202111200001");
            TestData.insert(store, here);
            TicketHistory copycat = TestData.withFirstEventId(
                    TestData.newWaterTicket("530128202111200002"),
                    here.events().get(0).id());

            assertEquals(1, store.tickets().replaceFromCentral(List.of(copycat), "leader", 12));

            assertEquals(here.events(), store.tickets().events(here.ticket().id()));
            assertEquals(
                    copycat.events(), store.tickets().events(copycat.ticket().id()));
            assertEquals(2 * 2, store.tickets().eventCount());
        }
    }

    /**
     * Schema 13 took the event table's foreign key away (its index doubled uq_event_seq's); the
     * store keeps its rule: a ticket replaced or gone takes its events and forms with it, and the
     * order of a ticket's events stays unique.
     */
    @Test
    void noEventOrFormOutlivesItsTicketAndAnEventsPlaceInItsHistoryStaysUnique() {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory stays = TestData.newWaterTicket("530128202111200001");
            TicketHistory leaves = TestData.newWaterTicket("530128202111200002");
            TestData.insert(store, stays);
            TestData.insert(store, leaves);

            store.tickets()
                    .replaceFromCentral(
                            ReadyTicket.all(List.of(TestData.acceptedByCentral(stays, "verification"))),
                            List.of(leaves.ticket().id()),
                            List.of(),
                            "leader",
                            7,
                            Instant.parse("2021-11-23T02:00:00Z"),
                            h -> "");

            assertTrue(store.tickets().find(leaves.ticket().id()).isEmpty(), "the ticket that left is gone");
            assertEquals(3, store.tickets().eventCount(), "the replaced history alone");
            assertEquals(
                    List.of(0L, 0L, 1L),
                    store.readJdbc(c -> List.of(
                            orphanEvents(c),
                            Sql.column(
                                            c,
                                            Long.class,
                                            "SELECT COUNT(*) FROM ticket_form f"
                                                    + " WHERE NOT EXISTS (SELECT 1 FROM ticket t WHERE t.id = f.ticket_id)")
                                    .get(0),
                            Sql.column(c, Long.class, "SELECT COUNT(*) FROM ticket_form")
                                    .get(0))),
                    "no event and no form without its ticket; one form row, of the ticket that stays");
            assertEquals(
                    List.of(true),
                    store
                            .readJdbc(
                                    c -> Sql.column(
                                            c,
                                            String.class,
                                            "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'TICKET_EVENT'"))
                            .stream()
                            .map(name -> name.startsWith("UQ_EVENT_SEQ"))
                            .toList(),
                    "uq_event_seq alone: no index for a foreign key (schema 13), none on the event's id (schema 14)");
            UUID ticket = stays.ticket().id();
            assertThrows(
                    RuntimeException.class,
                    () -> store.inJdbcTransaction(c -> Sql.update(
                            c,
                            "INSERT INTO ticket_event (id, ticket_id, seq, actor, at, action)"
                                    + " VALUES (?, ?, 1, 'x', CURRENT_TIMESTAMP, 'note')",
                            UUID.randomUUID(),
                            ticket)),
                    "a second event at a place the history holds is refused");
        }
    }

    /**
     * A ticket leaves this PC's scope in a pulled page while a clerk's action on it is being
     * saved: the action's event and outbox row are written and the ticket row updated, not yet
     * committed. The pull waits for the ticket's row, then sees the waiting change and keeps the
     * ticket, with the action's event: no event is left without its ticket (schema 13 has no
     * foreign key to refuse one) and no change waits for a ticket that is gone.
     */
    @Test
    void aTicketLeavingWhileAnActionOnItIsSavedIsKeptWithTheAction() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory h = TestData.newWaterTicket("530128202111200001");
            TestData.insert(store, h);
            UUID id = h.ticket().id();
            CountDownLatch actionWritten = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                // written in the order Hibernate flushes an action: inserts, then the ticket's versioned update
                Future<?> action = threads.submit(() -> store.inJdbcTransaction(c -> {
                    Sql.update(
                            c,
                            "INSERT INTO ticket_event (id, ticket_id, seq, actor, at, action)"
                                    + " VALUES (?, ?, 3, 'water.clerk', CURRENT_TIMESTAMP, 'note')",
                            UUID.randomUUID(),
                            id);
                    Sql.update(
                            c,
                            "INSERT INTO outbox (op_id, ticket_id, kind, created_by, created_at, body, state)"
                                    + " VALUES (?, ?, 'ACT', 'water.clerk', CURRENT_TIMESTAMP, '{}', 'PENDING')",
                            UUID.randomUUID(),
                            id);
                    Sql.update(c, "UPDATE ticket SET version = version + 1 WHERE id = ? AND version = 0", id);
                    actionWritten.countDown();
                    try {
                        commit.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SQLException("stopped", e);
                    }
                    return null;
                }));
                actionWritten.await();
                Thread[] puller = new Thread[1];
                Future<?> pull = threads.submit(() -> {
                    puller[0] = Thread.currentThread();
                    return store.tickets()
                            .replaceFromCentral(
                                    List.of(),
                                    List.of(id),
                                    List.of(),
                                    "water.clerk",
                                    9,
                                    Instant.parse("2021-11-23T02:00:00Z"),
                                    x -> "");
                });
                // the pull reaches the ticket's row and waits for the action's transaction
                long until = System.nanoTime() + 10_000_000_000L;
                while ((puller[0] == null || puller[0].getState() == Thread.State.RUNNABLE)
                        && System.nanoTime() < until) {
                    Thread.sleep(5);
                }
                Thread.sleep(100);
                commit.countDown();
                action.get();
                pull.get();
            } finally {
                threads.shutdownNow();
            }

            assertTrue(store.tickets().find(id).isPresent(), "kept: a change of this PC on it waits");
            assertEquals(3L, eventRows(store, id), "with the action's event");
            assertEquals(0L, store.readJdbc(PullWriteTest::orphanEvents), "no event without its ticket");
            assertEquals(9, store.syncFacts().cursor("water.clerk"));
        }
    }

    /** Events whose ticket the store does not hold (schema 13 has no foreign key to refuse them). */
    static long orphanEvents(Connection c) throws SQLException {
        return Sql.column(
                        c,
                        Long.class,
                        "SELECT COUNT(*) FROM ticket_event e"
                                + " WHERE NOT EXISTS (SELECT 1 FROM ticket t WHERE t.id = e.ticket_id)")
                .get(0);
    }

    /** The event rows stored under one ticket id (whether or not the ticket is stored). */
    static long eventRows(LocalStore store, UUID ticket) {
        return store.readJdbc(
                c -> Sql.column(c, Long.class, "SELECT COUNT(*) FROM ticket_event WHERE ticket_id = ?", ticket)
                        .get(0));
    }

    private static String number(LocalStore store, TicketHistory h) {
        UUID id = h.ticket().id();
        return store.tickets().find(id).orElseThrow().ticketNo();
    }
}
