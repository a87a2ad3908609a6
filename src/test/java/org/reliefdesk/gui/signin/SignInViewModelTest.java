package org.reliefdesk.gui.signin;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.central.CentralServer;
import org.reliefdesk.central.CentralStore;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.gui.signin.SignInViewModel.SignedIn;
import org.reliefdesk.gui.sync.SyncViewModel;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.users.PasswordHash;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.User;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in at the central store, and when it cannot be reached, without a window. */
class SignInViewModelTest {

    @TempDir
    Path dir;

    @Test
    void offlineOnlySomeoneWhoSignedInHereBeforeWithTheSamePassword() throws Exception {
        try (Workspace w = TestWorkspaces.syncingOffline(dir, 5)) {
            SignInViewModel vm = new SignInViewModel(w);
            AtomicReference<User> in = new AtomicReference<>();
            AtomicReference<String> refused = new AtomicReference<>();

            vm.signIn("water.clerk", "secret-1234".toCharArray(), s -> in.set(s.user()), refused::set);
            assertNull(in.get());
            assertTrue(refused.get().contains("还没有在本机联网登录过"), refused.get());

            w.store.syncFacts().rememberPassword("water.clerk", PasswordHash.hash("secret-1234".toCharArray()));
            refused.set(null);
            vm.signIn("water.clerk", "wrong-password".toCharArray(), s -> in.set(s.user()), refused::set);
            assertNull(in.get());
            assertTrue(refused.get().contains("密码不正确"), refused.get());

            vm.signIn("water.clerk", "secret-1234".toCharArray(), s -> in.set(s.user()), refused::set);
            assertEquals(DemoUsers.WATER_CLERK, in.get());
        }
    }

    @Test
    void theWorkbenchsFirstSyncUsesTheSignInsTokenInsteadOfSigningInAgain() throws Exception {
        Clock clock = Clock.system(ChinaTime.ZONE);
        try (CentralStore central = CentralStore.open(
                        "jdbc:h2:file:"
                                + dir.resolve("central").resolve("central").toAbsolutePath(),
                        CatalogLoader.loadBuiltIn(),
                        clock);
                CentralServer server = CentralServer.start(central, "127.0.0.1", 0)) {
            central.users().add(DemoUsers.WATER_CLERK, "secret-1234".toCharArray(), clock.instant());
            try (Workspace w = TestWorkspaces.demo(
                    dir.resolve("pc"),
                    5,
                    Texts.CHINESE,
                    AppConfig.Central.remote(server.url()),
                    (o, n, e) -> Optional.empty(),
                    o -> List.of())) {
                AtomicReference<SignedIn> in = new AtomicReference<>();
                AtomicReference<String> refused = new AtomicReference<>();
                new SignInViewModel(w).signIn("water.clerk", "secret-1234".toCharArray(), in::set, refused::set);
                assertNull(refused.get());
                assertNotNull(in.get().session(), "an online sign-in hands its token on");
                assertEquals(1, tokensOf(central, "water.clerk"));

                SyncViewModel sync = new SyncViewModel(
                                w, in.get().user(), in.get().password(), c -> {})
                        .signedIn(in.get().session());
                sync.syncNow();
                assertTrue(
                        sync.statusProperty().get().startsWith("上次同步"),
                        sync.statusProperty().get());
                assertEquals(1, tokensOf(central, "water.clerk"), "the first sync signed in again");

                // another person's workbench never takes this token: it signs in as itself (refused here)
                SyncViewModel other = new SyncViewModel(w, DemoUsers.LEADER, "x".toCharArray(), c -> {})
                        .signedIn(in.get().session());
                other.syncNow();
                assertTrue(
                        other.statusProperty().get().startsWith("同步未完成"),
                        other.statusProperty().get());
            }
        }
    }

    private static int tokensOf(CentralStore central, String username) throws Exception {
        try (Connection c = central.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM auth_token WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * What a central store could answer that this PC has no text for: a reason code of a newer
     * release. Said as a reason this program does not know, never the answer's own English (it was
     * shown as the server sent it).
     */
    @Test
    void anAnswerThisPcHasNoTextForIsNamedNotRepeated() throws Exception {
        HttpServer server = answering(
                403, "{\"error\":\"sync.auth.fromANewerRelease\",\"message\":\"Sign-in refused by policy v9\"}");
        try (Workspace w = demoAt(server, "403")) {
            AtomicReference<String> refused = new AtomicReference<>();
            new SignInViewModel(w).signIn("water.clerk", "secret-1234".toCharArray(), s -> {}, refused::set);
            String said = refused.get();
            assertTrue(said.startsWith("对方给出了本程序不认识的原因“sync.auth.fromANewerRelease”"), said);
            assertFalse(said.contains("policy"), said);
        } finally {
            server.stop(0);
        }
    }

    /**
     * Someone other than a central store answers at the address (set wrong, a web server, a
     * network's login page): no central store refused anyone. A person who signed in here before
     * works offline; anyone else is told the address answered as no central store does, never its
     * markup. A gateway's 502 page is a central store not reached just now.
     */
    @Test
    void someoneElseAnsweringAtTheAddressIsSaidAndWhoSignedInHereBeforeWorksOffline() throws Exception {
        String[][] answers = {
            {"501", "<html><body><h1>Unsupported method</h1></body></html>", "的回答不是救助工作台中央库的（HTTP 501）"},
            {"200", "<html><body>请先登录上网认证</body></html>", "的回答不是救助工作台中央库的（HTTP 200）"},
            {"502", "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>", "暂时连不上中央库"}
        };
        for (String[] answer : answers) {
            HttpServer server = answering(Integer.parseInt(answer[0]), answer[1]);
            try (Workspace w = demoAt(server, answer[0])) {
                SignInViewModel vm = new SignInViewModel(w);
                AtomicReference<User> in = new AtomicReference<>();
                AtomicReference<String> refused = new AtomicReference<>();
                vm.signIn("water.clerk", "secret-1234".toCharArray(), s -> in.set(s.user()), refused::set);
                String said = refused.get();
                assertNull(in.get());
                assertTrue(said.startsWith("http://127.0.0.1:") || said.startsWith("暂时连不上中央库"), said);
                assertTrue(said.contains(answer[2]), said);
                assertFalse(said.contains("html") || said.contains("Bad Gateway") || said.contains("认证"), said);

                w.store.syncFacts().rememberPassword("water.clerk", PasswordHash.hash("secret-1234".toCharArray()));
                refused.set(null);
                vm.signIn("water.clerk", "wrong-password".toCharArray(), s -> in.set(s.user()), refused::set);
                assertTrue(refused.get().contains("密码不正确"), refused.get());
                vm.signIn("water.clerk", "secret-1234".toCharArray(), s -> in.set(s.user()), refused::set);
                assertEquals(DemoUsers.WATER_CLERK, in.get(), answer[0]);
            } finally {
                server.stop(0);
            }
        }
    }

    /** In English the reason stands at the head of its line: its first letter raised, as a sentence. */
    @Test
    void inEnglishTheReasonOpensItsLineWithACapital() throws Exception {
        HttpServer server = answering(501, "<html><body><h1>Unsupported method</h1></body></html>");
        try (Workspace w = TestWorkspaces.demo(
                dir.resolve("en"),
                5,
                Locale.ENGLISH,
                AppConfig.Central.remote(
                        "http://127.0.0.1:" + server.getAddress().getPort()),
                (o, n, e) -> Optional.empty(),
                o -> List.of())) {
            AtomicReference<String> refused = new AtomicReference<>();
            new SignInViewModel(w).signIn("water.clerk", "secret-1234".toCharArray(), s -> {}, refused::set);
            assertTrue(refused.get().startsWith("The answer from http://127.0.0.1:"), refused.get());
            assertTrue(refused.get().contains("is not a ReliefDesk central store's (HTTP 501)"), refused.get());
        } finally {
            server.stop(0);
        }
    }

    private Workspace demoAt(HttpServer server, String name) throws Exception {
        return TestWorkspaces.demo(
                dir.resolve(name),
                5,
                Texts.CHINESE,
                AppConfig.Central.remote(
                        "http://127.0.0.1:" + server.getAddress().getPort()),
                (o, n, e) -> Optional.empty(),
                o -> List.of());
    }

    /** A loopback server giving every request the same answer. */
    private static HttpServer answering(int status, String answer) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
