package org.reliefdesk.sync;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pull page read in one pass: tickets as objects or as strings, the page's own facts, and what is not a page. */
class PullPageReaderTest {

    private static final String ODD = "{\"id\":\"a\",\"note\":\"\\\"}],\\\"next\\\":9,\\\\ 𠮷 \\u2028\",\"n\":2100}";
    private static final String PLAIN = "{\"id\":\"b\",\"events\":[{\"seq\":1,\"form\":{\"x\":[1,2.50]}}]}";

    private static PulledPage read(String page) throws Exception {
        return PullPageReader.read(
                PageBytes.read(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8))), true);
    }

    @Test
    void ticketsAsObjectsAreReadIntoTreesAndKeepTheirTextExactly() throws Exception {
        UUID left = UUID.randomUUID();
        PulledPage page = read("{\"changes\":[{\"changeNo\":7,\"ticket\":" + ODD + "},"
                + "{\"ticket\":" + PLAIN + ",\"extra\":{\"a\":[1]},\"changeNo\":9}],"
                + "\"next\":9,\"more\":true,\"total\":40,\"left\":[\"" + left
                + "\"],\"held\":[\"ab\"],\"later\":[{}]}");
        assertEquals(2, page.tickets().size());
        PulledTicket odd = page.tickets().get(0);
        assertEquals(7, odd.changeNo());
        assertEquals(ODD, odd.line(), "the text exactly as it lay in the page");
        assertEquals(ODD.getBytes(StandardCharsets.UTF_8).length, odd.utf8Bytes());
        assertEquals(new ObjectMapper().readTree(ODD), odd.tree(), "the tree the line reads into");
        assertEquals("2100", odd.tree().get("n").toString(), "numbers kept exactly, as the codec reads a line");
        PulledTicket plain = page.tickets().get(1);
        assertEquals(9, plain.changeNo(), "its number may come after its ticket");
        assertEquals(PLAIN, plain.line());
        assertEquals(new ObjectMapper().readTree(PLAIN), plain.tree());
        assertEquals(9, page.next());
        assertTrue(page.more());
        assertEquals(40, page.total());
        assertEquals(List.of(left), page.left());
        assertEquals(List.of("ab"), page.held());
    }

    @Test
    void aTicketLyingAcrossThePiecesThePageIsKeptInKeepsItsText() throws Exception {
        String note = "𠮷".repeat(40_000) + "终"; // 160 KB: a character of 4 bytes falls across a 64-KB piece
        String ticket = "{\"id\":\"c\",\"note\":\"" + note + "\"}";
        PulledPage page = read("{\"x\":\"a\",\"changes\":[{\"changeNo\":1,\"ticket\":" + ticket + "},"
                + "{\"changeNo\":2,\"ticket\":" + PLAIN + "}],\"next\":2,\"more\":false,\"total\":-1}");
        assertEquals(ticket, page.tickets().get(0).line());
        assertEquals(note, page.tickets().get(0).tree().get("note").asText());
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
        assertNull(read.tickets().get(0).tree());
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
        assertNull(t.tree(), "read by the ingestion as a line");
        assertEquals(ODD, t.line());
        assertFalse(page.more());
        assertNull(page.held(), "not said: each attachment is asked for");
        assertEquals(ODD, page.asPullPage().changes().get(0).ticket());
    }

    @Test
    void aTicketThatIsNotAnObjectIsStillATicketForItsReadingToSetAside() throws Exception {
        PulledPage page = read("{\"changes\":[{\"changeNo\":1,\"ticket\":[1,2]},{\"changeNo\":2,\"ticket\":null}],"
                + "\"next\":2,\"more\":false,\"total\":-1}");
        assertTrue(page.tickets().get(0).tree().isArray());
        assertEquals("[1,2]", page.tickets().get(0).line());
        assertTrue(page.tickets().get(1).tree().isNull());
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
                "{\"changes\":[]}{}",
                "{\"changes\":[{\"changeNo\":1,\"ticket\":{\"a\":")) {
            assertThrows(JsonProcessingException.class, () -> read(notAPage), notAPage);
        }
    }
}
