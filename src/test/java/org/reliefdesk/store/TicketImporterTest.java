package org.reliefdesk.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.interchange.LineRejectedException;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketImporterTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final TicketLineCodec CODEC = new TicketLineCodec(CATALOG);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<String> sampleLines(int count) {
        return new SampleGenerator(CATALOG)
                .generate(7, TestData.TODAY, count).stream().map(CODEC::write).toList();
    }

    private static TicketEvent last(List<TicketEvent> events) {
        return events.get(events.size() - 1);
    }

    private static ImportReport run(LocalStore store, List<String> lines) throws IOException {
        return new TicketImporter(store, CODEC, TestData.TODAY)
                .importLines(new BufferedReader(new StringReader(String.join("\n", lines))), n -> {});
    }

    /**
     * Schema 13 has no foreign key from events to tickets: a line whose events name another
     * ticket (one the store does not hold) cannot leave events without their ticket; its events
     * are the line's ticket's, and the other lines are imported.
     */
    @Test
    void aLineWhoseEventsNameAnotherTicketLeavesNoEventWithoutItsTicket() throws IOException {
        List<String> lines = new ArrayList<>(sampleLines(3));
        UUID stranger = UUID.randomUUID();
        ObjectNode hostile = (ObjectNode) JSON.readTree(lines.get(1));
        for (JsonNode e : hostile.withArray("events")) {
            ((ObjectNode) e).put("ticketId", stranger.toString());
            ((ObjectNode) e).put("ticket_id", stranger.toString());
        }
        lines.set(1, JSON.writeValueAsString(hostile));
        try (LocalStore store = LocalStore.open(dir)) {
            ImportReport report = run(store, lines);

            assertEquals(3, report.imported() + report.rejected().size(), "every line taken or refused by name");
            assertTrue(report.imported() >= 2, "the other lines are imported");
            assertEquals(0L, store.readJdbc(PullWriteTest::orphanEvents), "no event without its ticket");
            assertEquals(0L, PullWriteTest.eventRows(store, stranger));
        }
    }

    @Test
    void importingTheSameFileTwiceAddsNothingTheSecondTime() throws IOException {
        List<String> lines = sampleLines(450); // more than two write batches
        try (LocalStore store = LocalStore.open(dir)) {
            ImportReport first = run(store, lines);
            assertEquals(450, first.imported());
            assertEquals(0, first.rejected().size());
            assertFalse(store.mappingBuilt(), "an import is plain JDBC: it never waits ~2 s for Hibernate's mapping");
            long events = store.tickets().list(new TicketScope("530128", null, null)).stream()
                    .mapToLong(t -> store.tickets().events(t.id()).size())
                    .sum();

            ImportReport second = run(store, lines);
            assertEquals(0, second.imported());
            assertEquals(450, second.skipped());
            assertEquals(450, store.tickets().count());
            long eventsAfter = store.tickets().list(new TicketScope("530128", null, null)).stream()
                    .mapToLong(t -> store.tickets().events(t.id()).size())
                    .sum();
            assertEquals(events, eventsAfter);
        }
    }

    @Test
    void malformedLinesAreReportedWithLineAndFieldAndTheRestIsImported() throws IOException {
        List<String> lines = new ArrayList<>(sampleLines(10));
        String goodId =
                lines.get(2).replaceAll(".*\"applicant\":\\{\"name\":\"[^\"]*\",\"idNumber\":\"(\\w{18})\".*", "$1");
        char wrong = goodId.charAt(17) == '1' ? '2' : '1';
        lines.set(
                2,
                lines.get(2)
                        .replace(
                                "\"idNumber\":\"" + goodId,
                                "\"idNumber\":\"" + goodId.substring(0, 17) + wrong)); // line 3: bad check digit
        lines.set(4, "{not json"); // line 5
        lines.set(6, lines.get(6).replaceFirst("\"item\":\"\\w+\"", "\"item\":\"flying_lessons\"")); // line 7
        try (LocalStore store = LocalStore.open(dir)) {
            ImportReport report = run(store, lines);
            assertEquals(7, report.imported());
            List<LineRejectedException> rejected = report.rejected();
            assertEquals(3, rejected.size());
            assertEquals(3, rejected.get(0).lineNumber());
            assertEquals("applicant.idNumber", rejected.get(0).problem().field());
            assertEquals("rule.idNumber.checkDigit", rejected.get(0).problem().rule());
            assertEquals(5, rejected.get(1).lineNumber());
            assertEquals("line", rejected.get(1).problem().field());
            assertEquals(7, rejected.get(2).lineNumber());
            assertEquals("item", rejected.get(2).problem().field());
            assertEquals(7, store.tickets().count());
        }
    }

    @Test
    void anotherTicketReusingAStoredNumberIsRefused() throws IOException {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory a = TestData.newWaterTicket("5301282021112000009");
            TicketHistory b = TestData.newWaterTicket("5301282021112000009");
            ImportReport report = run(store, List.of(CODEC.write(a), CODEC.write(b)));
            assertEquals(1, report.imported());
            assertEquals(2, report.rejected().get(0).lineNumber());
            assertEquals("ticketNo", report.rejected().get(0).problem().field());
        }
    }

    @Test
    void anotherTicketReusingAStoredEventIdIsRefused() throws IOException {
        try (LocalStore store = LocalStore.open(dir)) {
            TicketHistory a = TestData.newWaterTicket("5301282021112000011");
            assertEquals(1, run(store, List.of(CODEC.write(a))).imported());
            TicketHistory b = TestData.newWaterTicket("5301282021112000012");
            ImportReport report = run(
                    store,
                    List.of(CODEC.write(
                            TestData.withFirstEventId(b, a.events().get(0).id()))));
            assertEquals(0, report.imported());
            assertEquals(1, report.rejected().get(0).lineNumber());
            assertEquals("events", report.rejected().get(0).problem().field());
            assertEquals("rule.duplicate", report.rejected().get(0).problem().rule());
            assertEquals(1, store.tickets().count());
        }
    }

    /**
     * Schema 14 keeps no key on an event's id: a line giving one event id to two of its events
     * (a hostile file) is refused at its line, naming the event, and stores nothing; the lines
     * around it go in.
     */
    @Test
    void aLineGivingOneEventIdToTwoOfItsEventsIsRefusedAtItsLine() throws IOException {
        try (LocalStore store = LocalStore.open(dir)) {
            List<String> lines = new ArrayList<>(sampleLines(3));
            ObjectNode hostile = (ObjectNode) JSON.readTree(lines.get(1));
            JsonNode events = hostile.withArray("events");
            ((ObjectNode) events.get(1)).put("id", events.get(0).get("id").asText());
            lines.set(1, JSON.writeValueAsString(hostile));

            ImportReport report = run(store, lines);

            assertEquals(2, report.imported());
            assertEquals(1, report.rejected().size());
            assertEquals(2, report.rejected().get(0).lineNumber());
            assertEquals("events[1].id", report.rejected().get(0).problem().field());
            assertEquals("rule.duplicate", report.rejected().get(0).problem().rule());
            UUID refused = UUID.fromString(hostile.get("id").asText());
            assertTrue(store.tickets().find(refused).isEmpty());
            assertEquals(0L, PullWriteTest.eventRows(store, refused));
        }
    }

    /**
     * A second import into a store holding tickets reads the stored event ids once (schema 14 has
     * no index on them): the same file again (every line skipped), then a new ticket, then one
     * reusing an event id of the first file's last ticket, written batches before: that line is
     * refused, the new ticket stored, and the first ticket's history stays whole.
     */
    @Test
    void aSecondImportRefusesAnEventIdAStoredTicketHolds() throws IOException {
        try (LocalStore store = LocalStore.open(dir)) {
            List<TicketHistory> first = new SampleGenerator(CATALOG).generate(7, TestData.TODAY, 450);
            List<String> lines =
                    new ArrayList<>(first.stream().map(CODEC::write).toList());
            assertEquals(450, run(store, lines).imported());
            lines.add(CODEC.write(TestData.newWaterTicket("5301282021112000098")));
            TicketHistory copycat = TestData.newWaterTicket("5301282021112000099");
            lines.add(CODEC.write(TestData.withFirstEventId(
                    copycat, last(first.get(449).events()).id())));

            ImportReport report = run(store, lines);

            assertEquals(1, report.imported(), report.rejected().toString());
            assertEquals(450, report.skipped());
            assertEquals(1, report.rejected().size());
            assertEquals(452, report.rejected().get(0).lineNumber());
            assertEquals("events", report.rejected().get(0).problem().field());
            assertEquals("rule.duplicate", report.rejected().get(0).problem().rule());
            assertEquals(451, store.tickets().count());
            assertTrue(store.tickets().find(copycat.ticket().id()).isEmpty());
            assertEquals(
                    first.get(449).events(),
                    store.tickets().events(first.get(449).ticket().id()));
        }
    }

    /**
     * A first import asks the store for no stored event ids (it holds none): a file whose last line
     * reuses the first line's event id, batches apart, is still refused at that line, and the store
     * keeps every other ticket and the first one's events whole.
     */
    @Test
    void aFirstImportRefusesAnEventIdTheFileReusesBatchesApart() throws IOException {
        try (LocalStore store = LocalStore.open(dir)) {
            List<TicketHistory> sample = new SampleGenerator(CATALOG).generate(7, TestData.TODAY, 450);
            TicketHistory first = sample.get(0);
            List<String> lines =
                    new ArrayList<>(sample.stream().map(CODEC::write).toList());
            TicketHistory copycat = TestData.newWaterTicket("5301282021112000099");
            lines.add(CODEC.write(
                    TestData.withFirstEventId(copycat, first.events().get(0).id())));
            ImportReport report = run(store, lines);
            assertEquals(450, report.imported());
            assertEquals(1, report.rejected().size());
            assertEquals(451, report.rejected().get(0).lineNumber());
            assertEquals("rule.duplicate", report.rejected().get(0).problem().rule());
            assertEquals(450, store.tickets().count());
            assertEquals(first.events(), store.tickets().events(first.ticket().id()));
        }
    }

    @Test
    void aRoundTripKeepsEveryField() throws IOException, LineRejectedException {
        TicketHistory h = TestData.newWaterTicket("5301282021112000010");
        try (LocalStore store = LocalStore.open(dir)) {
            run(store, List.of(CODEC.write(h)));
            TicketHistory back = new TicketHistory(
                    store.tickets().find(h.ticket().id()).orElseThrow(),
                    store.tickets().events(h.ticket().id()));
            assertEquals(CODEC.write(h), CODEC.write(back));
            assertTrue(CODEC.read(CODEC.write(back), 1, TestData.TODAY)
                    .events()
                    .get(0)
                    .formData()
                    .containsKey("problem"));
        }
    }
    /**
     * A form of several kilobytes (kept in its row since forms moved out of H2's LOB maps) with
     * characters outside the basic plane comes back exactly as written.
     */
    @Test
    void aLongFormWithRareCharactersComesBackAsWritten() throws IOException {
        TicketHistory h = TestData.newWaterTicket("5301282021112000011");
        String description = ("𠮷家的井水停了三天，" + "䶮村的水管冻裂，龘".repeat(20)).repeat(9);
        TicketEvent submit = h.events().get(0);
        TicketEvent longer = new TicketEvent(
                submit.id(),
                submit.ticketId(),
                submit.seq(),
                submit.actor(),
                submit.at(),
                submit.action(),
                submit.fromStep(),
                submit.toStep(),
                submit.note(),
                Map.of("problem", "cut_off", "description", description),
                submit.outcome(),
                submit.receivedAt());
        TicketHistory written =
                new TicketHistory(h.ticket(), List.of(longer, h.events().get(1)));
        try (LocalStore store = LocalStore.open(dir)) {
            assertEquals(1, run(store, List.of(CODEC.write(written))).imported());
            List<TicketEvent> back = store.tickets().events(h.ticket().id());
            assertEquals(description, back.get(0).formData().get("description"));
            assertTrue(description.getBytes(StandardCharsets.UTF_8).length > 4_000, "a form of several kilobytes");
        }
    }
}
