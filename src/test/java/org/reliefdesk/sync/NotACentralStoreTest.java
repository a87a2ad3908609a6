package org.reliefdesk.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.i18n.Texts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Whoever answers at the configured address when it is not a central store of ours: a web
 * server, a login page of the office network, another program's API, a proxy whose store behind
 * it is down. Each is told apart from a central store's own refusal by the answer alone, over a
 * real loopback socket, and the password's key is never sent to it.
 */
class NotACentralStoreTest {

    private static final String HTML = "<html><body><h1>Welcome to nginx!</h1></body></html>";

    /** Answers that cannot be a central store's (its errors are JSON with an identifier for a reason code). */
    @Test
    void anAnswerThatIsNotACentralStoresIsSaidSoWithItsStatus() throws Exception {
        Object[][] answers = {
            {501, "text/html", HTML}, // python -m http.server: POST unsupported
            {404, "text/html", HTML},
            {200, "text/html", "<html>请先登录上网认证</html>"}, // an office network's login page
            {200, "application/json", "{\"status\":\"ok\"}"}, // another program's API: no terms for the key
            {200, "application/json", "[1, 2, 3]"},
            {404, "application/json", "{\"timestamp\":1,\"status\":404,\"error\":\"Not Found\",\"path\":\"/x\"}"},
            {403, "text/plain", "Forbidden"},
        };
        for (Object[] a : answers) {
            List<String> asked = new CopyOnWriteArrayList<>();
            HttpServer server = answering((Integer) a[0], (String) a[1], (String) a[2], asked);
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            try (CentralClient client = new CentralClient(url, Duration.ofSeconds(5))) {
                CentralClient.Refused r = assertThrows(
                        CentralClient.Refused.class,
                        () -> client.signIn("water.clerk", "Qz7-county-2026".toCharArray(), "pc"),
                        a[2].toString());
                assertEquals("sync.notCentral", r.code(), a[2].toString());
                assertEquals(a[0], r.status());
                assertArrayEquals(new Object[] {url, a[0]}, r.messageArgs());
                assertEquals(List.of("/api/v1/sign-in/salt"), asked, "nothing sent after the first answer");
                String zh = new Texts(Texts.CHINESE).msg(r.messageKey(), r.messageArgs());
                assertEquals(url + " 的回答不是救助工作台中央库的（HTTP " + a[0] + "）。请检查中央库地址是否正确；" + "若中间经过代理或网关，请县信息中心检查它的设置。", zh);
            } finally {
                server.stop(0);
            }
        }
    }

    /** A gateway's own error page: the central store behind it is not answering, so this is the network's trouble. */
    @Test
    void aGatewaysErrorPageIsAStoreThatCannotBeReachedJustNow() throws Exception {
        for (int status : new int[] {502, 503, 504}) {
            HttpServer server = answering(status, "text/html", HTML, new CopyOnWriteArrayList<>());
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            try (CentralClient client = new CentralClient(url, Duration.ofSeconds(5))) {
                CentralClient.Unreachable u = assertThrows(
                        CentralClient.Unreachable.class,
                        () -> client.signIn("water.clerk", "Qz7-county-2026".toCharArray(), "pc"));
                assertEquals(url, u.url());
            } finally {
                server.stop(0);
            }
        }
    }

    /** The central store's own refusals keep their codes: an old release's unknown route, a newer release's reason. */
    @Test
    void aCentralStoresOwnRefusalKeepsItsCode() throws Exception {
        Object[][] answers = {
            {
                404,
                "{\"error\":\"notFound\",\"message\":\"no such endpoint: POST /sign-in/salt\"}",
                "sync.auth.centralTooOld"
            },
            {403, "{\"error\":\"sync.auth.fromANewerRelease\",\"message\":\"policy v9\"}", "sync.auth.fromANewerRelease"
            },
            {429, "{\"error\":\"sync.auth.busy\",\"message\":\"busy\",\"retryAfter\":3}", "sync.auth.busy"},
        };
        for (Object[] a : answers) {
            HttpServer server =
                    answering((Integer) a[0], "application/json", (String) a[1], new CopyOnWriteArrayList<>());
            try (CentralClient client =
                    new CentralClient("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(5))) {
                CentralClient.Refused r = assertThrows(
                        CentralClient.Refused.class,
                        () -> client.signIn("water.clerk", "Qz7-county-2026".toCharArray(), "pc"));
                assertEquals(a[2], r.code());
                assertEquals(a[0], r.status());
            } finally {
                server.stop(0);
            }
        }
    }

    /** Signed in, a call answered 200 without what it asked for is not a central store's answer either. */
    @Test
    void anAnswerWithoutWhatWasAskedForIsNotACentralStores() throws Exception {
        HttpServer server = answering(200, "application/json", "{}", new CopyOnWriteArrayList<>());
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        try (CentralClient client = new CentralClient(url, Duration.ofSeconds(5))) {
            for (Call call : List.<Call>of(
                    () -> client.push("token", List.of()),
                    () -> client.people("token"),
                    () -> client.calendar("token"),
                    () -> client.users("token"))) {
                CentralClient.Refused r = assertThrows(CentralClient.Refused.class, call::run);
                assertEquals("sync.notCentral", r.code());
            }
        } finally {
            server.stop(0);
        }
    }

    private interface Call {
        void run() throws IOException;
    }

    private static HttpServer answering(int status, String type, String answer, List<String> asked) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            asked.add(x.getRequestURI().getPath());
            x.getRequestBody().readAllBytes();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
            x.sendResponseHeaders(status, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
