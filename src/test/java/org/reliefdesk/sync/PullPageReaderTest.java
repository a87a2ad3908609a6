package org.reliefdesk.sync;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.interchange.LineRejectedException;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.TicketHistory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pull page read in one pass: tickets as objects or as strings, the page's own facts, and what is not a page. */
class PullPageReaderTest {

    private static final String ODD = "{\"id\":\"a\",\"note\":\"\\\"}],\\\"next\\\":9,\\\\ 𠮷 \\u2028\",\"n\":2100}";
    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final TicketLineCodec CODEC = new TicketLineCodec(CATALOG);
    private static final LocalDate TODAY = LocalDate.of(9999, 12, 31);
    private static final String PLAIN = "{\"id\":\"b\",\"events\":[{\"seq\":1,\"form\":{\"x\":[1,2.50]}}]}";

    private static PulledPage read(String page) throws Exception {
        return PullPageReader.read(
                PageBytes.read(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8))), true);
    }

    /**
     * A real ticket's line with a note that looks like the page around it (quotes, brackets, a
     * backslash, a character outside the BMP, an escaped line separator), a field the format does
     * not name before the rest, and numbers in its first form.
     */
    private static String oddTicket(String note) throws Exception {
        ObjectMapper json = new ObjectMapper();
        TicketHistory h = new SampleGenerator(CATALOG)
                .generate(SampleGenerator.DEFAULT_SEED, Instant.parse("2026-11-01T00:00:00Z"), 1)
                .get(0);
        ObjectNode tree = (ObjectNode) json.readTree(CODEC.write(h));
        ObjectNode event = (ObjectNode) tree.get("events").get(0);
        event.put("note", note);
        ((ObjectNode) event.get("form"))
                .put("n", 2100)
                .put("r", 2.5)
                .put("big", new BigInteger("123456789012345678901"));
        ((ObjectNode) tree.get("events").get(1)).putNull("form");
        return "{\"later\":{\"a\":[1,{\"b\":null}]},"
                + json.writeValueAsString(tree).substring(1).replace("\u2028", "\\u2028");
    }

    @Test
    void ticketsAsObjectsAreReadIntoTheirFieldsAndKeepTheirTextExactly() throws Exception {
        UUID left = UUID.randomUUID();
        String oddLine = oddTicket("\"}],\"next\":9,\\ 𠮷 \u2028 终");
        PulledPage page = read("{\"changes\":[{\"changeNo\":7,\"ticket\":" + oddLine + "},"
                + "{\"ticket\":" + PLAIN + ",\"extra\":{\"a\":[1]},\"changeNo\":9}],"
                + "\"next\":9,\"more\":true,\"total\":40,\"left\":[\"" + left
                + "\"],\"held\":[\"ab\"],\"later\":[{}]}");
        assertEquals(2, page.tickets().size());
        PulledTicket odd = page.tickets().get(0);
        assertEquals(7, odd.changeNo());
        assertTrue(oddLine.contains("\\u2028"), "the line separator as an escape");
        assertEquals(oddLine, odd.line(), "the text exactly as it lay in the page");
        assertEquals(oddLine.getBytes(StandardCharsets.UTF_8).length, odd.utf8Bytes());
        TicketHistory fromPage = CODEC.read(odd.fields(), 1, TODAY);
        assertEquals(CODEC.read(oddLine, 1, TODAY), fromPage, "the ticket its line alone reads into");
        assertEquals("\"}],\"next\":9,\\ 𠮷 \u2028 终", fromPage.events().get(0).note());
        Map<String, Object> form = fromPage.events().get(0).formData();
        assertEquals(
                List.of(2100, 2.5, new BigInteger("123456789012345678901")),
                List.of(form.get("n"), form.get("r"), form.get("big")),
                "numbers as the line's reading gives them");
        List<String> forms = odd.formTexts();
        assertEquals(fromPage.events().size(), forms.size());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < forms.size(); i++) {
            assertEquals(
                    fromPage.events().get(i).formData(),
                    json.readValue(forms.get(i), Map.class),
                    "event " + i + "'s form text holds its values");
            assertTrue(
                    oddLine.contains("\"form\":" + forms.get(i)) || forms.get(i).equals("{}"), forms.get(i));
        }
        assertEquals("{}", forms.get(1), "a form sent as null");
        assertTrue(forms.get(0).contains("\"n\":2100,\"r\":2.5,\"big\":123456789012345678901"), forms.get(0));
        PulledTicket plain = page.tickets().get(1);
        assertEquals(9, plain.changeNo(), "its number may come after its ticket");
        assertEquals(PLAIN, plain.line());
        LineRejectedException notATicket =
                assertThrows(LineRejectedException.class, () -> CODEC.read(plain.fields(), 1, TODAY));
        assertEquals("format", notATicket.problem().field(), "read, and refused by the codec's first rule");
        assertEquals(9, page.next());
        assertTrue(page.more());
        assertEquals(40, page.total());
        assertEquals(List.of(left), page.left());
        assertEquals(List.of("ab"), page.held());
    }

    @Test
    void aTicketLyingAcrossThePiecesThePageIsKeptInKeepsItsText() throws Exception {
        String note = "𠮷".repeat(40_000) + "终"; // 160 KB: a character of 4 bytes falls across a 64-KB piece
        String ticket = oddTicket(note);
        PulledPage page = read("{\"x\":\"a\",\"changes\":[{\"changeNo\":1,\"ticket\":" + ticket + "},"
                + "{\"changeNo\":2,\"ticket\":" + PLAIN + "}],\"next\":2,\"more\":false,\"total\":-1}");
        assertEquals(ticket, page.tickets().get(0).line());
        TicketHistory across = CODEC.read(page.tickets().get(0).fields(), 1, TODAY);
        assertEquals(note, across.events().get(0).note());
        List<String> forms = page.tickets().get(0).formTexts();
        for (int i = 0; i < forms.size(); i++) {
            assertEquals(across.events().get(i).formData(), new ObjectMapper().readValue(forms.get(i), Map.class));
        }
        assertEquals(
                ticket.getBytes(StandardCharsets.UTF_8).length,
                page.tickets().get(0).utf8Bytes());
        assertEquals(PLAIN, page.tickets().get(1).line(), "the ticket after it, from a later piece");
    }

    @Test
    void readForItsLinesOnlyEachTicketIsItsExactTextWithoutATree() throws Exception {
        byte[] page = ("{\"changes\":[{\"changeNo\":7,\"ticket\":" + ODD + "},{\"changeNo\":8,\"ticket\":"
                        + new ObjectMapper().writeValueAsString(PLAIN) + "}],\"next\":8,\"more\":false,\"total\":-1}")
                .getBytes(StandardCharsets.UTF_8);
        PulledPage read = PullPageReader.read(PageBytes.read(new ByteArrayInputStream(page)), false);
        assertNull(read.tickets().get(0).fields());
        assertEquals(ODD, read.tickets().get(0).line(), "an object's text as it lay in the page");
        assertEquals(PLAIN, read.tickets().get(1).line(), "a string's line");
        assertEquals(
                List.of(ODD, PLAIN),
                read.asPullPage().changes().stream().map(c -> c.ticket()).toList());
    }

    @Test
    void ticketsAsStringsFromAnEarlierCentralStoreAreKeptAsTheirLines() throws Exception {
        String escaped = new ObjectMapper().writeValueAsString(ODD);
        PulledPage page = read("{\"changes\":[{\"changeNo\":3,\"ticket\":" + escaped + "}],\"next\":3,\"more\":false,"
                + "\"total\":-1,\"left\":[]}");
        PulledTicket t = page.tickets().get(0);
        assertNull(t.fields(), "read by the ingestion as a line");
        assertEquals(ODD, t.line());
        assertFalse(page.more());
        assertNull(page.held(), "not said: each attachment is asked for");
        assertEquals(ODD, page.asPullPage().changes().get(0).ticket());
    }

    @Test
    void aTicketThatIsNotAnObjectIsStillATicketForItsReadingToSetAside() throws Exception {
        PulledPage page = read("{\"changes\":[{\"changeNo\":1,\"ticket\":[1,2]},{\"changeNo\":2,\"ticket\":null}],"
                + "\"next\":2,\"more\":false,\"total\":-1}");
        for (PulledTicket t : page.tickets()) {
            LineRejectedException refused =
                    assertThrows(LineRejectedException.class, () -> CODEC.read(t.fields(), 1, TODAY));
            assertEquals("line", refused.problem().field());
            assertEquals("rule.notObject", refused.problem().rule());
        }
        assertEquals("[1,2]", page.tickets().get(0).line());
        assertEquals("null", page.tickets().get(1).line());
    }

    /**
     * Whoever answers a PC may nest a ticket object as deep as it likes: the page is refused as the
     * answer's (the parser's own depth limit, read without recursion), never a stack overflow of the
     * reading thread, here one of 256 KB.
     */
    @Test
    void aTicketNestedDeeperThanTheParserAllowsIsAWrongAnswerNotAStackOverflow() throws Exception {
        int depth = 100_000;
        String page = "{\"changes\":[{\"changeNo\":1,\"ticket\":{\"form\":" + "[".repeat(depth) + "]".repeat(depth)
                + "}}],\"next\":1,\"more\":false,\"total\":-1}";
        Throwable[] thrown = new Throwable[1];
        Thread small = new Thread(
                null,
                () -> {
                    try {
                        read(page);
                    } catch (Throwable t) {
                        thrown[0] = t;
                    }
                },
                "small-stack",
                256 * 1024);
        small.start();
        small.join();
        assertTrue(thrown[0] instanceof JsonProcessingException, "refused as the answer's: " + thrown[0]);
    }

    /** Which store made the page, and whether the cursor was past its county's last change; neither from an earlier store. */
    @Test
    void aPageSaysWhichStoreMadeItAndWhetherTheCursorWasAhead() throws Exception {
        String id = "2b0e6f7c-9a1d-4c3e-8f55-0d6a1b2c3d4e";
        PulledPage page =
                read("{\"changes\":[],\"next\":9,\"more\":false,\"store\":\"" + id + "\",\"cursorAhead\":true}");
        assertEquals(id, page.store());
        assertTrue(page.cursorAhead());
        PulledPage earlier = read("{\"changes\":[],\"next\":9,\"more\":false,\"store\":null}");
        assertNull(earlier.store());
        assertFalse(earlier.cursorAhead());
        assertEquals(List.of(), earlier.earlierStores());
    }

    /** The ids a store had before a restore: read as a list, at most 16, each an id of at most 64 characters. */
    @Test
    void aPageNamesTheIdsItsStoreHadBeforeARestore() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ids.add(UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString());
        }
        String list = "[\"" + String.join("\",\"", ids) + "\"]";
        PulledPage page = read("{\"changes\":[],\"next\":9,\"store\":\"x\",\"earlierStores\":" + list + "}");
        assertEquals(ids, page.earlierStores());
        assertEquals(ids, page.asPullPage().earlierStores());
        assertEquals(List.of(), read("{\"changes\":[],\"earlierStores\":null}").earlierStores());
        assertEquals(List.of(), read("{\"changes\":[],\"earlierStores\":[]}").earlierStores());
    }

    @Test
    void whatIsNotAPageIsRefusedAsAWrongAnswer() {
        for (String notAPage : List.of(
                "[]",
                "",
                "{\"changes\":{}}",
                "{\"changes\":[{\"changeNo\":1}]}",
                "{\"changes\":[{\"ticket\":{}}]}",
                "{\"changes\":[],\"next\":\"5\"}",
                "{\"changes\":[],\"more\":1}",
                "{\"changes\":[],\"left\":[\"not an id\"]}",
                "{\"changes\":[],\"held\":[1]}",
                "{\"changes\":[],\"store\":5}",
                "{\"changes\":[],\"store\":{}}",
                "{\"changes\":[],\"store\":\"" + "x".repeat(65) + "\"}",
                "{\"changes\":[],\"cursorAhead\":\"yes\"}",
                "{\"changes\":[],\"earlierStores\":\"one\"}",
                "{\"changes\":[],\"earlierStores\":[1]}",
                "{\"changes\":[],\"earlierStores\":[{}]}",
                "{\"changes\":[],\"earlierStores\":[\"a,b\"]}",
                "{\"changes\":[],\"earlierStores\":[\"\"]}",
                "{\"changes\":[],\"store\":\"a b\"}",
                // kept joined by commas with the stores a user left (pull.leftStores)
                "{\"changes\":[],\"store\":\"a,b\"}",
                "{\"changes\":[],\"earlierStores\":[\"" + "x".repeat(65) + "\"]}",
                "{\"changes\":[],\"earlierStores\":[" + "\"a\",".repeat(16) + "\"a\"]}",
                "{\"changes\":[]}{}",
                "{\"changes\":[{\"changeNo\":1,\"ticket\":{\"a\":")) {
            assertThrows(JsonProcessingException.class, () -> read(notAPage), notAPage);
        }
    }
}
