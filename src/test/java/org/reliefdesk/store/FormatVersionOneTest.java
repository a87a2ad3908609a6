package org.reliefdesk.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.interchange.LineRejectedException;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files written before 办结 moved to the feedback (format version 1: concluded at the follow-up visit)
 * still import, and mean what version 2 means: a ticket awaiting or past its visit is concluded at the
 * moment its result was fed back; a refusal keeps its time; an open ticket stays open.
 */
class FormatVersionOneTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final TicketLineCodec CODEC = new TicketLineCodec(CATALOG);
    private static final String FIXTURE = "/interchange/luquan-v1-sample.jsonl";

    @TempDir
    Path dir;

    private static List<String> fixture() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                FormatVersionOneTest.class.getResourceAsStream(FIXTURE), StandardCharsets.UTF_8))) {
            return in.lines().toList();
        }
    }

    @Test
    void versionOneLinesImportWithTheConclusionAtTheFeedback() throws IOException {
        List<String> lines = fixture();
        ObjectMapper json = new ObjectMapper();
        Map<UUID, JsonNode> written = new HashMap<>();
        for (String l : lines) {
            JsonNode n = json.readTree(l);
            assertEquals(1, n.get("formatVersion").asInt(), "the fixture is a version 1 file");
            written.put(UUID.fromString(n.get("id").asText()), n);
        }
        try (LocalStore store = LocalStore.open(dir)) {
            ImportReport report = new TicketImporter(store, CODEC, LocalDate.of(2021, 11, 23))
                    .importLines(new BufferedReader(new StringReader(String.join("\n", lines))), n -> {});
            assertEquals(
                    List.of(),
                    report.rejected().stream().map(Throwable::getMessage).toList());
            assertEquals(lines.size(), report.imported());
            Map<String, Integer> seen = new TreeMap<>();
            for (Map.Entry<UUID, JsonNode> e : written.entrySet()) {
                Ticket t = store.tickets().find(e.getKey()).orElseThrow();
                JsonNode old = e.getValue();
                Instant fedBack = null;
                for (JsonNode ev : old.get("events")) {
                    if ("follow_up".equals(ev.path("toStep").asText())) {
                        fedBack = OffsetDateTime.parse(ev.get("at").asText()).toInstant();
                    }
                }
                String kind = old.get("currentStep").asText() + (fedBack == null ? "" : "+fedBack");
                seen.merge(kind, 1, Integer::sum);
                switch (old.get("currentStep").asText()) {
                    case "follow_up" -> {
                        assertEquals("IN_PROGRESS", old.get("status").asText(), "version 1: open until the visit");
                        assertEquals(TicketStatus.CONCLUDED, t.status());
                        assertEquals(fedBack, t.concludedAt());
                    }
                    case "concluded" -> {
                        assertEquals(TicketStatus.CONCLUDED, t.status());
                        Instant expected = fedBack != null
                                ? fedBack
                                : OffsetDateTime.parse(old.get("concludedAt").asText())
                                        .toInstant();
                        assertEquals(expected, t.concludedAt());
                        if (fedBack != null) {
                            assertTrue(
                                    t.concludedAt()
                                            .isBefore(OffsetDateTime.parse(old.get("concludedAt")
                                                            .asText())
                                                    .toInstant()),
                                    "earlier than the visit version 1 called 办结");
                        }
                    }
                    default -> {
                        assertTrue(t.status().isOpen());
                        assertNull(t.concludedAt());
                    }
                }
            }
            assertEquals(
                    Map.of("concluded", 15, "concluded+fedBack", 15, "follow_up+fedBack", 15),
                    seen.entrySet().stream()
                            .filter(x -> x.getKey().startsWith("concluded")
                                    || x.getKey().startsWith("follow_up"))
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
    }

    @Test
    void aWrittenLineIsVersionTwoAndAnUnknownVersionIsRefused() throws Exception {
        String v1 = fixture().get(0);
        String v2 = CODEC.write(CODEC.read(v1, 1, LocalDate.of(2021, 11, 23)));
        assertTrue(v2.contains("\"formatVersion\":2"), v2.substring(0, 80));
        LineRejectedException refused = Assertions.assertThrows(
                LineRejectedException.class,
                () -> CODEC.read(
                        v1.replace("\"formatVersion\":1", "\"formatVersion\":3"), 7, LocalDate.of(2021, 11, 23)));
        assertTrue(refused.getMessage().contains("formatVersion"), refused.getMessage());
    }
}
