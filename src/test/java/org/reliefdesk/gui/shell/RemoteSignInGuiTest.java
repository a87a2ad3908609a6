package org.reliefdesk.gui.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.Test;
import org.reliefdesk.central.CentralServer;
import org.reliefdesk.central.CentralStore;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.ChinaTime;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the county's central store: name and password, checked by the central store; later, with
 * the network gone, the same person signs in offline with the same password — and only with it.
 */
class RemoteSignInGuiTest extends GuiTestBase {

    private static final String PASSWORD = "password-1";

    @Test
    void signInOnlineThenOfflineWithTheSamePasswordOnly() throws Exception {
        Clock clock = Clock.system(ChinaTime.ZONE);
        CentralStore central = realCentral(DemoUsers.WATER_CLERK, PASSWORD, 300).store();
        CentralServer server = CentralServer.start(central, "127.0.0.1", 0);
        Path pc = dataDir.resolve("pc");
        AppConfig config = new AppConfig(pc, new Texts(Texts.CHINESE), clock, 300, AppConfig.SYSTEM_PICKER)
                .withCentral(AppConfig.Central.remote(server.url()));
        try {
            start(config);
            signInWith("water.clerk", "wrong-password", "用户名或密码不正确");
            signInWith("water.clerk", PASSWORD, null);
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> onFx(() -> lookup("#ticketCount")
                            .tryQuery()
                            .map(n -> ((Label) n).getText().contains("/ 共")
                                    && !((Label) n).getText().endsWith("共 0 件"))
                            .orElse(false)));
            assertEquals(
                    DemoUsers.WATER_CLERK.username(), app.workbench().user().username());
            assertTrue(
                    app.workspace().store.syncFacts().knowsPassword("water.clerk"),
                    "the accepted password's hash is kept for signing in offline");
            assertFalse(app.workbench().list().all().isEmpty(), "the county's water tickets were pulled");
        } finally {
            FxToolkit.cleanupApplication(app);
            app = null;
            server.close();
            central.close();
        }

        // The network is gone: the same person, the same password, works on what this PC holds.
        start(config);
        signInWith("water.clerk", "wrong-password", "用户名或密码不正确");
        signInWith("nobody", PASSWORD, "还没有在本机联网登录过");
        signInWith("water.clerk", PASSWORD, null);
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#ticketCount")
                        .tryQuery()
                        .map(n -> ((Label) n).getText().contains("/ 共")
                                && !((Label) n).getText().endsWith("共 0 件"))
                        .orElse(false)));
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() ->
                        lookup("#syncStatus").queryAs(Label.class).getText().contains("暂时连不上中央库")));
        assertEquals(DemoUsers.WATER_CLERK.username(), app.workbench().user().username(), "signed in offline");
    }

    private void start(AppConfig config) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(config));
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#usernameField").tryQuery().isPresent()));
    }

    /** Types a name and password and signs in; with {@code refusal}, waits for that message instead of the workbench. */
    private void signInWith(String name, String password, String refusal) throws Exception {
        interact(() -> {
            lookup("#usernameField").queryAs(TextField.class).setText(name);
            lookup("#passwordField").queryAs(PasswordField.class).setText(password);
        });
        clickOn("#signInButton");
        if (refusal != null) {
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> onFx(() -> lookup("#signInError")
                            .tryQuery()
                            .map(n -> ((Label) n).getText().contains(refusal))
                            .orElse(false)));
        } else {
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> onFx(() -> lookup("#statusBar").tryQuery().isPresent()));
        }
    }
}
