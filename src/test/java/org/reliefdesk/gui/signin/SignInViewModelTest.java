package org.reliefdesk.gui.signin;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.User;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in when the central store cannot be reached, without a window. */
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

            vm.signIn("water.clerk", "secret-1234".toCharArray(), (u, p) -> in.set(u), refused::set);
            assertNull(in.get());
            assertTrue(refused.get().contains("还没有在本机联网登录过"), refused.get());

            w.store.syncFacts().rememberPassword("water.clerk", "secret-1234".toCharArray());
            refused.set(null);
            vm.signIn("water.clerk", "wrong-password".toCharArray(), (u, p) -> in.set(u), refused::set);
            assertNull(in.get());
            assertTrue(refused.get().contains("密码不正确"), refused.get());

            vm.signIn("water.clerk", "secret-1234".toCharArray(), (u, p) -> in.set(u), refused::set);
            assertEquals(DemoUsers.WATER_CLERK, in.get());
        }
    }
}
