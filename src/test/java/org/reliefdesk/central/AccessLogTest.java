package org.reliefdesk.central;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.CatalogLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client can write into the central store's access log by what it sends: one line per
 * request whatever the request line holds, never a line of its making, never its token.
 */
class AccessLogTest {

    /** The format's frame: address, [time], anything, then status, bytes and milliseconds. */
    private static final Pattern FRAME = Pattern.compile("^127\\.0\\.0\\.1 \\[[^\\]]+] .* \\d{3} \\d+ \\d+$");

    @TempDir
    Path dir;

    @Test
    void aClientWritesOneLineARequestAndNoneOfItsOwn() throws Exception {
        String forged = "127.0.0.1 [2026-12-03T00:00:00.000+08:00] \"POST /api/v1/ops HTTP/1.1\" 200 1 1";
        String token = "secret-token-0123456789";
        List<String> requests = List.of(
                // an encoded line break carrying a forged log line
                "GET /api/v1/changes?after=0%0D%0A" + forged.replace(" ", "%20").replace("\"", "%22")
                        + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n",
                // a raw quote and a bare line feed inside the request line
                "GET /api/v1/versions\"" + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/me\n" + forged + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                // a request line far over the header limit
                "GET /api/v1/changes?after=" + "9".repeat(20_000)
                        + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        Path log = dir.resolve("access-yyyy_mm_dd.log");
        try (CentralStore store = CentralStore.open(
                        "jdbc:h2:file:" + dir.resolve("central/central"),
                        CatalogLoader.loadBuiltIn(),
                        Clock.systemUTC());
                CentralServer server = CentralServer.start(store, "127.0.0.1", 0, log)) {
            for (String request : requests) {
                send(server.port(), request);
            }
            AccessLogFiles.await(dir, l -> l.size() >= requests.size());
        }
        List<String> lines = AccessLogFiles.lines(dir);
        assertEquals(requests.size(), lines.size(), "one line a request and none a client made: " + lines);
        for (String l : lines) {
            assertTrue(FRAME.matcher(l).matches(), l);
            assertFalse(l.startsWith(forged), l);
            assertFalse(l.contains(token), "a token travels in a header and stays out of the log: " + l);
        }
        assertEquals(
                1, lines.stream().filter(l -> l.contains("%0D%0A")).count(), "the encoded line break stays encoded");
    }

    /**
     * Jetty writes a request's line after the answer's last byte has gone: a server stopped just
     * after a client read its answer must still write that line, or the log misses the last
     * requests before every restart. Twenty servers, each stopped as soon as its one answer is read.
     */
    @Test
    void aServerStoppedRightAfterAnAnswerStillLogsIt() throws Exception {
        int rounds = 20;
        for (int i = 0; i < rounds; i++) {
            Path round = Files.createDirectory(dir.resolve("round-" + i));
            try (CentralStore store = CentralStore.open(
                            "jdbc:h2:file:" + dir.resolve("central/central"),
                            CatalogLoader.loadBuiltIn(),
                            Clock.systemUTC());
                    CentralServer server =
                            CentralServer.start(store, "127.0.0.1", 0, round.resolve("access-yyyy_mm_dd.log"))) {
                send(server.port(), "GET /api/v1/versions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            }
            assertEquals(1, AccessLogFiles.lines(round).size(), "round " + i + ": the answer read, its line kept");
        }
    }

    /** The request as the bytes given, on a connection of its own; the answer read to its end. */
    private static void send(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            in.readAllBytes();
        }
    }
}
