package org.reliefdesk.logic.interchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.TicketHistory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a sender may put where the format wants something else (a number for a text, a list for
 * an object, an object in a list of events, a field twice), read in one pass without a tree
 * ({@link TicketFields}): each is refused naming the field and the rule, as the format's reading
 * always named them, or read as it always was; a field the format does not name, of any shape, is
 * read past. The same reading serves a line (import, a push, the citizen channel) and a ticket
 * inside a pull page.
 */
class TicketShapesTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final TicketLineCodec CODEC = new TicketLineCodec(CATALOG);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode ticket() {
        TicketHistory h = new SampleGenerator(CATALOG)
                .generate(SampleGenerator.DEFAULT_SEED, Instant.parse("2026-11-01T00:00:00Z"), 1)
                .get(0);
        try {
            return (ObjectNode) json.readTree(CODEC.write(h));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String refusal(String line) {
        LineRejectedException e = assertThrows(LineRejectedException.class, () -> CODEC.read(line, 1, TODAY), line);
        return e.problem().field() + " " + e.problem().rule() + " "
                + e.problem().args();
    }

    private String refusal(ObjectNode t) throws Exception {
        return refusal(json.writeValueAsString(t));
    }

    private ObjectNode event(ObjectNode t, int i) {
        return (ObjectNode) t.get("events").get(i);
    }

    @Test
    void whatIsNotATicketObjectAtAll() {
        assertEquals("line rule.notObject []", refusal(""));
        assertEquals("line rule.notObject []", refusal("[{\"format\":\"reliefdesk.ticket\"}]"));
        assertEquals("line rule.notObject []", refusal("\"reliefdesk.ticket\""));
        assertEquals("line rule.notObject []", refusal("null"));
        // not JSON: named as the line's, with where in it (not Jackson's English, which no clerk reads)
        assertEquals("line rule.jsonAt [11]", refusal("{\"format\":"));
        assertEquals("line rule.jsonAt [4]", refusal("[1,}"), "not JSON inside what is not an object either");
        LineRejectedException cut =
                assertThrows(LineRejectedException.class, () -> CODEC.read("{\"format\":", 1, TODAY));
        assertEquals("整行：不是有效的 JSON（约在第 11 个字符处）", new Texts(Texts.CHINESE).describe(cut.problem()));
        assertEquals(
                "Whole line: is not valid JSON (near character 11)", new Texts(Locale.ENGLISH).describe(cut.problem()));
    }

    @Test
    void aLineIsOneObjectWithNothingAfterItButWhiteSpace() throws Exception {
        String line = json.writeValueAsString(ticket());
        assertEquals(CODEC.read(line, 1, TODAY), CODEC.read(line + " \t\r", 1, TODAY));
        assertEquals("line rule.oneObject []", refusal(line + "x"));
        assertEquals("line rule.oneObject []", refusal(line + " {}"));
        assertEquals("line rule.oneObject []", refusal(line + line));
        assertEquals("line rule.oneObject []", refusal(line + "]"));
    }

    @Test
    void aFieldOfTheWrongShapeIsNamedWithItsRule() throws Exception {
        ObjectNode t = ticket();
        assertEquals(
                "format rule.oneOf [reliefdesk.ticket]", refusal(t.deepCopy().put("format", 5)));
        assertEquals("formatVersion rule.oneOf [1, 2]", refusal(t.deepCopy().put("formatVersion", "two")));
        assertEquals("id rule.uuid []", refusal(t.deepCopy().put("id", 5)));
        assertEquals("id rule.required []", refusal((ObjectNode) t.deepCopy().set("id", json.createObjectNode())));
        assertEquals("ticketNo rule.text []", refusal(t.deepCopy().put("ticketNo", 5)));
        assertEquals("ticketNo rule.required []", refusal((ObjectNode)
                t.deepCopy().set("ticketNo", json.createArrayNode())));
        assertEquals("ticketNo rule.required []", refusal(t.deepCopy().put("ticketNo", "  ")));
        assertEquals("applicant.name rule.required []", refusal(t.deepCopy().put("applicant", "张三")));
        ObjectNode nameAsList = t.deepCopy();
        ((ObjectNode) nameAsList.get("applicant"))
                .set("name", json.createArrayNode().add("张三"));
        assertEquals("applicant.name rule.required []", refusal(nameAsList));
        assertEquals(
                "events rule.required []", refusal((ObjectNode) t.deepCopy().set("events", json.createObjectNode())));
        assertEquals(
                "events rule.required []", refusal((ObjectNode) t.deepCopy().set("events", json.createArrayNode())));
        assertEquals("events rule.required []", refusal(t.deepCopy().put("events", "[]")));
    }

    @Test
    void anEventOfTheWrongShapeIsNamedByItsPlace() throws Exception {
        ObjectNode t = ticket();
        ObjectNode notAnObject = t.deepCopy();
        ((ArrayNode) notAnObject.get("events")).set(1, json.getNodeFactory().textNode("dispatch"));
        assertEquals("events[1].id rule.required []", refusal(notAnObject));
        ObjectNode formAsList = t.deepCopy();
        event(formAsList, 0).set("form", json.createArrayNode());
        assertEquals("events[0].form rule.notObject []", refusal(formAsList));
        ObjectNode formAsText = t.deepCopy();
        event(formAsText, 0).put("form", "{}");
        assertEquals("events[0].form rule.notObject []", refusal(formAsText));
        ObjectNode seqAsWord = t.deepCopy();
        event(seqAsWord, 1).put("seq", "second");
        assertEquals("events[1].seq rule.sequence [2]", refusal(seqAsWord));
        ObjectNode actionAsNumber = t.deepCopy();
        event(actionAsNumber, 0).put("action", 1);
        assertEquals("events[0].action rule.text []", refusal(actionAsNumber));
    }

    @Test
    void aFieldTwiceCountsAsItLastStandsAndFieldsTheFormatDoesNotNameAreReadPast() throws Exception {
        ObjectNode t = ticket();
        String line = json.writeValueAsString(t);
        TicketHistory plain = CODEC.read(line, 1, TODAY);
        String body = line.substring(1, line.length() - 1);
        assertEquals(plain, CODEC.read("{\"ticketNo\":5," + body + "}", 1, TODAY), "the later, good one counts");
        assertEquals("ticketNo rule.text []", refusal("{" + body + ",\"ticketNo\":5}"));
        assertEquals(
                plain,
                CODEC.read("{\"x\":{\"events\":[1,{\"id\":[]}]},\"y\":[[{}],null]," + body + ",\"z\":1e5}", 1, TODAY));
        ObjectNode extraInEvent = t.deepCopy();
        event(extraInEvent, 0).set("form2", json.createArrayNode().add(json.createObjectNode()));
        event(extraInEvent, 0).set("note2", json.createObjectNode().put("a", 1));
        assertEquals(plain, CODEC.read(json.writeValueAsString(extraInEvent), 1, TODAY));
    }

    @Test
    void aFormSentAsNullIsAnEmptyFormAndAFormsValuesKeepTheirKinds() throws Exception {
        ObjectNode t = ticket();
        event(t, 0).putNull("form");
        ObjectNode form = json.createObjectNode();
        form.put("n", 2100)
                .put("big", 3_000_000_000L)
                .put("r", 2.50)
                .put("yes", true)
                .putNull("none");
        form.set(
                "rows",
                json.createArrayNode()
                        .add(json.createObjectNode().put("x", "一"))
                        .add(json.createArrayNode()));
        event(t, 1).set("form", form);
        TicketHistory h = CODEC.read(json.writeValueAsString(t), 1, TODAY);
        assertEquals(Map.of(), h.events().get(0).formData());
        Map<String, Object> values = h.events().get(1).formData();
        assertEquals(List.of("n", "big", "r", "yes", "none", "rows"), List.copyOf(values.keySet()), "in their order");
        assertEquals(2100, values.get("n"));
        assertEquals(3_000_000_000L, values.get("big"));
        assertEquals(2.5, values.get("r"));
        assertEquals(Boolean.TRUE, values.get("yes"));
        assertEquals(List.of(Map.of("x", "一"), List.of()), values.get("rows"));
    }
}
