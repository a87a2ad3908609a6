package org.reliefdesk.gui.signin;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
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
        try (Workspace w = TestWorkspaces.demo(
                dir,
                5,
                Texts.CHINESE,
                AppConfig.Central.remote(TestWorkspaces.nobodyListening()),
                (o, n, e) -> Optional.empty(),
                o -> List.of())) {
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
     * What a central store (or something in its place) could answer that this PC has no text for:
     * a reason code of a newer release, or a proxy's page. Said as a reason this program does not
     * know, never the answer's own English or markup (it was shown as the server sent it).
     */
    @Test
    void anAnswerThisPcHasNoTextForIsNamedNotRepeated() throws Exception {
        String[][] answers = {
            {"403", "{\"error\":\"sync.auth.fromANewerRelease\",\"message\":\"Sign-in refused by policy v9\"}"},
            {"502", "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"}
        };
        for (String[] answer : answers) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try (Workspace w = TestWorkspaces.demo(
                    dir.resolve(answer[0]),
                    5,
                    Texts.CHINESE,
                    AppConfig.Central.remote(
                            "http://127.0.0.1:" + server.getAddress().getPort()),
                    (o, n, e) -> Optional.empty(),
                    o -> List.of())) {
                AtomicReference<String> refused = new AtomicReference<>();
                new SignInViewModel(w).signIn("water.clerk", "secret-1234".toCharArray(), s -> {}, refused::set);
                String said = refused.get();
                assertTrue(said.startsWith("对方给出了本程序不认识的原因“"), said);
                assertFalse(said.contains("policy") || said.contains("html") || said.contains("Bad Gateway"), said);
            } finally {
                server.stop(0);
            }
        }
    }
}
