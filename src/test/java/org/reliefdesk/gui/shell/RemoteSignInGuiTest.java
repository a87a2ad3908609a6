package org.reliefdesk.gui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.reliefdesk.central.CentralServer;
import org.reliefdesk.central.CentralStore;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.TestWorkspaces;
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

    /**
     * A PC set up with an address where nothing answers: the address is changed on the sign-in
     * screen by the keyboard alone — Enter in the address field saves it (it does not press the
     * sign-in button) and the cursor goes back to the name — and the sign-in then reaches the
     * store at the new address.
     */
    @Test
    void anAddressChangedOnTheSignInScreenByKeyboardIsUsedAtOnce() throws Exception {
        Clock clock = Clock.system(ChinaTime.ZONE);
        CentralStore central = realCentral(DemoUsers.WATER_CLERK, PASSWORD, 50).store();
        CentralServer server = CentralServer.start(central, "127.0.0.1", 0);
        Path settingsFile = dataDir.resolve("cfg").resolve("settings.properties");
        System.setProperty("reliefdesk.settings", settingsFile.toString());
        AppConfig config = new AppConfig(
                        dataDir.resolve("pc2"), new Texts(Texts.CHINESE), clock, 50, AppConfig.SYSTEM_PICKER)
                .withCentral(AppConfig.Central.remote(TestWorkspaces.nobodyListening()));
        try {
            start(config);
            signInWith("water.clerk", PASSWORD, "暂时连不上中央库");
            clickOn("#changeCentralButton");
            WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> onFx(() -> lookup("#centralAddressField")
                            .queryAs(TextField.class)
                            .isFocused()));
            // a sign-in would say 正在核对… at once, in the same key press
            interact(() -> lookup("#signInError").queryAs(Label.class).setText(""));
            interact(() ->
                    lookup("#centralAddressField").queryAs(TextField.class).setText(""));
            write("10.1.2.3:8787").push(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> onFx(() -> !lookup("#centralAddressProblem")
                            .queryAs(Label.class)
                            .getText()
                            .isEmpty()));
            assertFalse(Files.exists(settingsFile), "nothing saved of an address typed wrong");
            assertEquals("", onFxText("#signInError"), "Enter in the address field signs nobody in");

            interact(() -> lookup("#signInError").queryAs(Label.class).setText("旧地址的拒绝"));
            interact(() ->
                    lookup("#centralAddressField").queryAs(TextField.class).setText(""));
            write(server.url()).push(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> onFx(() ->
                            lookup("#usernameField").queryAs(TextField.class).isFocused()));
            assertEquals(server.url(), app.workspace().centralUrl());
            assertEquals("", onFxText("#signInError"));
            assertTrue(Files.readString(settingsFile)
                    .contains("central=" + server.url().replace(":", "\\:")));
            push(KeyCode.ENTER); // the name and password typed before are still there
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> onFx(() -> lookup("#statusBar").tryQuery().isPresent()));
            assertEquals(
                    DemoUsers.WATER_CLERK.username(), app.workbench().user().username());
        } finally {
            System.clearProperty("reliefdesk.settings");
            FxToolkit.cleanupApplication(app);
            app = null;
            server.close();
            central.close();
        }
    }

    private String onFxText(String id) throws Exception {
        String[] text = new String[1];
        interact(() -> text[0] = lookup(id).queryAs(Label.class).getText());
        return text[0];
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
