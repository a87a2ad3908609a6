package org.reliefdesk.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.Sha256;
import org.reliefdesk.logic.sync.WireLimits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client over a real loopback socket whose server closes a connection without answering. */
class CentralClientTest {

    /** A loopback server of {@link #serve}, its request count and a client of it. */
    private record Served(ServerSocket server, AtomicInteger requests, CentralClient client) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            client.close();
            server.close();
        }
    }

    private static Served served(int dropped) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AtomicInteger requests = new AtomicInteger();
        serve(server, dropped, requests);
        return new Served(
                server,
                requests,
                new CentralClient("http://127.0.0.1:" + server.getLocalPort(), Duration.ofSeconds(5)));
    }

    /** Accepts connections one by one; the first {@code dropped} are closed after the request, unanswered. */
    private static Thread serve(ServerSocket server, int dropped, AtomicInteger requests) {
        Thread t = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        readHead(s.getInputStream());
                        if (requests.incrementAndGet() <= dropped) {
                            continue; // closed with no answer, as a server closing a kept-alive connection
                        }
                        byte[] body = "{\"years\":[]}".getBytes(StandardCharsets.UTF_8);
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                        + "\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.write(body);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the server socket closed: the test is over
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int b;
        while (matched < end.length && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }

    /**
     * A page is read as it arrives: a line that breaks in the middle of one is the line (the PC
     * tries again later), not a page the central store got wrong; a whole page still reads.
     */
    @Test
    void aPageCutOffMidwayIsALineThatBrokeAndAWholeOneReads() throws Exception {
        String page = "{\"changes\":[{\"changeNo\":7,\"ticket\":\"" + "x".repeat(200_000)
                + "\"}],\"next\":7,\"more\":false,\"total\":-1,\"left\":[]}";
        for (boolean whole : new boolean[] {true, false}) {
            try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                Thread t = new Thread(() -> {
                    try (Socket s = server.accept()) {
                        readHead(s.getInputStream());
                        byte[] body = page.getBytes(StandardCharsets.UTF_8);
                        int sent = whole ? body.length : body.length / 2;
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                                        + Integer.toHexString(sent) + "\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.write(body, 0, sent);
                        if (whole) {
                            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.flush();
                    } catch (IOException e) {
                        // the test is over
                    }
                });
                t.setDaemon(true);
                t.start();
                CentralClient client =
                        new CentralClient("http://127.0.0.1:" + server.getLocalPort(), Duration.ofSeconds(5));
                if (whole) {
                    var read = client.pull("token", 0, 100, false);
                    assertEquals(200_000, read.changes().get(0).ticket().length());
                    assertEquals(7, read.next());
                } else {
                    assertThrows(CentralClient.Unreachable.class, () -> client.pull("token", 0, 100, false));
                }
            }
        }
    }

    /**
     * A closed client leaves no thread in a native call: on Java 17 its selector thread waited in one
     * until the client was collected, and the JVM's exit waited 0.3 s for it at the end of every sync.
     */
    @Test
    void closingAClientEndsItsSelectorThreadAndAskingAfterwardsFails() throws Exception {
        try (Served served = served(0)) {
            CentralClient client = served.client();
            AtomicInteger requests = served.requests();
            client.calendar("token");
            Thread selector = client.selectorThread();
            assertNotNull(selector, "the client's selector thread, found by its id");
            assertTrue(selector.isAlive());
            client.close();
            assertFalse(selector.isAlive(), "the selector thread ended");
            assertThrows(IllegalStateException.class, () -> client.calendar("token"));
            assertEquals(1, requests.get(), "nothing sent after closing");
        }
    }

    @Test
    void aConnectionClosedBeforeAnyAnswerIsTriedOnceMore() throws Exception {
        try (Served served = served(1)) {
            CentralClient client = served.client();
            AtomicInteger requests = served.requests();
            // A POST: the JDK client does not send it again by itself (it does for a GET).
            client.disableUser("token", "someone");
            assertEquals(2, requests.get(), "the dropped request and the one sent again");
        }
    }

    @Test
    void aServerThatKeepsDroppingIsUnreachableAfterTheSecondTry() throws Exception {
        try (Served served = served(Integer.MAX_VALUE)) {
            CentralClient client = served.client();
            AtomicInteger requests = served.requests();
            CentralClient.Unreachable e =
                    assertThrows(CentralClient.Unreachable.class, () -> client.disableUser("token", "someone"));
            assertEquals("http://127.0.0.1:" + served.server().getLocalPort(), e.url());
            assertEquals(2, requests.get(), "tried twice, not more");
        }
    }

    /**
     * The central store names how to derive the key. A PC refuses terms that would give the password
     * away to whoever sees the key (a count of 1), take minutes, or carry no salt — and sends nothing
     * then: the sign-in is never asked.
     */
    @Test
    void aPcDerivesNoKeyOnUnsafeTermsAndSendsNothing() throws Exception {
        for (String answer : List.of(
                "{\"kdf\":\"pbkdf2-sha256\",\"iterations\":1,\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA\"}",
                "{\"kdf\":\"pbkdf2-sha256\",\"iterations\":2000000000,\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA\"}",
                "{\"kdf\":\"pbkdf2-sha256\",\"iterations\":600000,\"salt\":\"\"}",
                "{\"kdf\":\"pbkdf2-sha256\",\"iterations\":600000,\"salt\":\"not base64!\"}")) {
            List<String> asked = new CopyOnWriteArrayList<>();
            HttpServer server = answering(200, answer, asked);
            try {
                CentralClient client = new CentralClient(
                        "http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(5));
                CentralClient.Refused r = assertThrows(
                        CentralClient.Refused.class,
                        () -> client.signIn("water.clerk", "Qz7-county-2026".toCharArray(), "pc"),
                        answer);
                assertEquals("sync.auth.unsafeRecipe", r.code());
                assertEquals(List.of("/api/v1/sign-in/salt"), asked, "nothing sent after the salt");
            } finally {
                server.stop(0);
            }
        }
    }

    /** Whoever answers a sign-in 200 without a token or a user is said to be no central store of ours. */
    @Test
    void aSignInAnsweredWithoutATokenIsRefusedInWords() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        // the same answer to both calls: sound terms for the key, then no token and no user
        HttpServer server = answering(
                200, "{\"kdf\":\"pbkdf2-sha256\",\"iterations\":100000,\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA\"}", asked);
        try {
            CentralClient client =
                    new CentralClient("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(5));
            CentralClient.Refused r = assertThrows(
                    CentralClient.Refused.class,
                    () -> client.signIn("water.clerk", "Qz7-county-2026".toCharArray(), "pc"));
            assertEquals("sync.auth.badAnswer", r.code());
            assertEquals(List.of("/api/v1/sign-in/salt", "/api/v1/sign-in"), asked);
        } finally {
            server.stop(0);
        }
    }

    /**
     * A central store that takes no keys (an earlier release answers the salt route 401 to anyone
     * not signed in; one posing as the central store may answer anything): the PC never falls back
     * to sending the password.
     */
    @Test
    void aPcNeverFallsBackToSendingThePassword() throws Exception {
        for (int status : new int[] {401, 404}) {
            List<String> asked = new CopyOnWriteArrayList<>();
            HttpServer server = answering(
                    status, "{\"error\":\"" + (status == 401 ? "sync.auth.noToken" : "notFound") + "\"}", asked);
            try {
                CentralClient client = new CentralClient(
                        "http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(5));
                CentralClient.Refused r = assertThrows(
                        CentralClient.Refused.class,
                        () -> client.signIn("water.clerk", "Qz7-county-2026".toCharArray(), "pc"));
                assertEquals("sync.auth.centralTooOld", r.code());
                assertEquals(List.of("/api/v1/sign-in/salt"), asked, "the password is never sent");
            } finally {
                server.stop(0);
            }
        }
    }

    /**
     * Whoever answers a PC cannot make it hold an endless answer: a page is read up to 64 MB, any
     * other answer (an error's too) up to 4 MB, a download up to the largest attachment; then the
     * PC stops reading, says why in its own words, and keeps nothing of that answer.
     */
    @Test
    void anEndlessAnswerIsReadOnlyUpToItsLimitAndRefusedInWords(@TempDir Path dir) throws Exception {
        AtomicLong sent = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            String path = x.getRequestURI().getPath();
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(path.endsWith("/people") ? 500 : 200, 0); // chunked: no end announced
            byte[] piece = ("{\"changeNo\":1,\"ticket\":\"" + "x".repeat(256 * 1024) + "\"},")
                    .getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = x.getResponseBody()) {
                out.write((path.endsWith("/changes") ? "{\"changes\":[" : "{\"years\":[\"")
                        .getBytes(StandardCharsets.UTF_8));
                while (true) {
                    out.write(piece);
                    sent.addAndGet(piece.length);
                }
            } catch (IOException e) {
                // the PC stopped reading and closed the connection
            }
        });
        server.start();
        try (CentralClient client =
                new CentralClient("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(30))) {
            CentralClient.Refused page =
                    assertThrows(CentralClient.Refused.class, () -> client.pull("token", 0, 1000, false));
            assertEquals(BoundedAnswer.TOO_LARGE, page.code());
            assertTrue(page.getMessage().contains("a pull page is larger than 67108864 bytes"), page.getMessage());

            CentralClient.Refused calendar = assertThrows(CentralClient.Refused.class, () -> client.calendar("token"));
            assertEquals(BoundedAnswer.TOO_LARGE, calendar.code());
            CentralClient.Refused error = assertThrows(CentralClient.Refused.class, () -> client.people("token"));
            assertEquals(BoundedAnswer.TOO_LARGE, error.code(), "an error's endless body too");

            Path target = dir.resolve("photos").resolve("a.jpg");
            String sha = "ab".repeat(32);
            CentralClient.Refused download =
                    assertThrows(CentralClient.Refused.class, () -> client.download("token", sha, target));
            assertEquals(BoundedAnswer.TOO_LARGE, download.code());
            assertFalse(Files.exists(target));
            assertFalse(Files.exists(target.resolveSibling("a.jpg.part")), "nothing of it kept to resume from");
        } finally {
            server.stop(0);
        }
        assertTrue(
                sent.get() < 2 * WireLimits.PAGE_READ_BYTES + 2 * WireLimits.ATTACHMENT_BYTES,
                "the server got to send " + sent.get() + " bytes before the PC closed");
    }

    /** A download is kept only when its bytes hash to its name; other bytes are thrown away and said. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a read of negative length spun for ever
    void aDownloadIsKeptOnlyWhenItsBytesHashToItsName(@TempDir Path dir) throws Exception {
        byte[] photo = "a photo of the broken pipe".getBytes(StandardCharsets.UTF_8);
        String right = Sha256.hex(photo);
        HttpServer server = answering(200, "a photo of the broken pipe", new CopyOnWriteArrayList<>());
        try (CentralClient client =
                new CentralClient("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(10))) {
            Path wrong = dir.resolve("wrong.jpg");
            CentralClient.Refused refused =
                    assertThrows(CentralClient.Refused.class, () -> client.download("token", "cd".repeat(32), wrong));
            assertEquals("sync.attachment.badHash", refused.code());
            assertFalse(Files.exists(wrong));
            assertFalse(Files.exists(dir.resolve("wrong.jpg.part")));

            Path good = dir.resolve("good.jpg");
            client.download("token", right, good);
            assertArrayEquals(photo, Files.readAllBytes(good));

            // a partial file already past the largest attachment (left by an earlier version): dropped, not resumed
            Path old = dir.resolve("old.jpg");
            try (RandomAccessFile part =
                    new RandomAccessFile(dir.resolve("old.jpg.part").toFile(), "rw")) {
                part.setLength(WireLimits.ATTACHMENT_BYTES + 1);
            }
            CentralClient.Refused past =
                    assertThrows(CentralClient.Refused.class, () -> client.download("token", right, old));
            assertEquals(BoundedAnswer.TOO_LARGE, past.code());
            assertFalse(Files.exists(dir.resolve("old.jpg.part")));
            client.download("token", right, old);
            assertArrayEquals(photo, Files.readAllBytes(old), "the next try starts from the first byte");
        } finally {
            server.stop(0);
        }
    }

    /** A server on loopback giving every request the one answer, noting the paths asked for. */
    private static HttpServer answering(int status, String answer, List<String> asked) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            asked.add(x.getRequestURI().getPath());
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(status, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
