package org.reliefdesk.logic.interchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.TicketHistory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A line's forms read into the same values, of the same classes, as Jackson's conversion of their trees gives. */
class FormValuesTest {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private final ObjectMapper json = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    void everyKindOfValueAsJacksonConvertsIt() throws Exception {
        for (String form : List.of(
                "{}",
                "{\"a\":\"文本\",\"b\":1,\"c\":3000000000,\"d\":123456789012345678901234567890,\"e\":2100.50,"
                        + "\"f\":1e3,\"g\":true,\"h\":false,\"i\":null,\"j\":-0.0}",
                "{\"rows\":[{\"x\":1,\"y\":[\"a\",null,2.5,{\"z\":[]}]},[]],\"empty\":{},\"s\":\"\"}",
                "{\"dup\":1,\"dup\":\"two\"}",
                "{\"a\":{\"b\":{\"c\":1}},\"d\":2,\"e\":[[[]],{\"f\":[{\"g\":{}}]},3],\"h\":\"i\"}")) {
            assertSame(form);
        }
    }

    @Test
    void theSampleCountysForms() throws Exception {
        Catalog catalog = CatalogLoader.loadBuiltIn();
        TicketLineCodec codec = new TicketLineCodec(catalog);
        int forms = 0;
        for (TicketHistory h :
                new SampleGenerator(catalog).generate(SampleGenerator.DEFAULT_SEED, Instant.now(), 300)) {
            JsonNode line = json.readTree(codec.write(h));
            for (JsonNode e : line.get("events")) {
                assertSame(json.writeValueAsString(e.get("form")));
                forms++;
            }
        }
        assertTrue(forms > 1000, forms + " forms");
    }

    /**
     * A form nested as deep as the parser allows (995 lists in one another) is refused by the
     * bounds, on a thread with a small stack (a server's worker), not a stack overflow.
     */
    @Test
    void aFormNestedAsDeepAsTheParserAllowsIsRefusedNotOverflowed() throws Exception {
        Catalog catalog = CatalogLoader.loadBuiltIn();
        TicketLineCodec codec = new TicketLineCodec(catalog);
        TicketHistory h = new SampleGenerator(catalog)
                .generate(SampleGenerator.DEFAULT_SEED, Instant.now(), 1)
                .get(0);
        ObjectNode line = (ObjectNode) json.readTree(codec.write(h));
        // the line, its events, the event and its form hold four levels of the parser's 1,000
        String deep = "[".repeat(995) + "]".repeat(995);
        ((ObjectNode) line.get("events").get(0)).set("form", json.readTree("{\"x\":" + deep + "}"));
        String text = json.writeValueAsString(line);
        TicketIngest ingest = new TicketIngest(catalog, name -> Optional.empty());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread small = new Thread(
                null,
                () -> {
                    try {
                        ingest.read(text, 1, LocalDate.now().plusDays(1));
                    } catch (Throwable e) {
                        thrown.set(e);
                    }
                },
                "small-stack",
                256 * 1024);
        small.start();
        small.join();
        LineRejectedException refused = assertInstanceOf(LineRejectedException.class, thrown.get());
        assertEquals("rule.bounds.depth", refused.problem().rule());
    }

    private void assertSame(String form) throws Exception {
        Map<String, Object> expected = json.convertValue(json.readTree(form), MAP);
        Map<String, Object> actual;
        try (JsonParser p = json.createParser(form)) {
            p.nextToken();
            actual = TicketFields.plainObject(p);
            assertEquals(JsonToken.END_OBJECT, p.currentToken(), "read to its end: " + form);
            assertNull(p.nextToken(), "and no further: " + form);
        }
        assertEquals(expected, actual, form);
        assertEquals(classes(expected), classes(actual), form);
    }

    /** The values' classes, depth first (Map equality alone lets 1 and 1L differ but not say why). */
    private static String classes(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder s = new StringBuilder("{");
            m.forEach((k, x) -> s.append(k).append('=').append(classes(x)).append(','));
            return s.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder s = new StringBuilder("[");
            l.forEach(x -> s.append(classes(x)).append(','));
            return s.append(']').toString();
        }
        return v == null ? "null" : v.getClass().getSimpleName();
    }
}
