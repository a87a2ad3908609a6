package org.reliefdesk.gui.shell;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.sample.DemoUsers;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** F1 opens the user guide and 关于 from the workbench; Esc closes it; the status bar's link opens it too. */
class HelpGuiTest extends GuiTestBase {

    @Test
    void f1OpensTheGuideAndAboutAndEscClosesIt() throws Exception {
        startApp(LocalDate.of(2021, 11, 23), 100);
        signIn(DemoUsers.WATER_CLERK.displayName());
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#ticketTable").tryQuery().isPresent()));

        push(KeyCode.F1);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#helpTabs").tryQuery().isPresent()));
        assertTrue(lookup("#helpGuide").queryParent().getChildrenUnmodifiable().size() > 10, "the guide is shown");
        TabPane tabs = lookup("#helpTabs").queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                dataDir.toAbsolutePath().toString(),
                lookup("#aboutDataDir").queryAs(Label.class).getText());
        assertTrue(lookup("#aboutVersion").queryAs(Label.class).getText().matches("\\d+\\.\\d+\\.\\d+.*"));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() ->
                        !lookup("#aboutBackup").queryAs(Label.class).getText().isEmpty()));

        push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#helpTabs").tryQuery().isEmpty()));

        clickOn("#helpLink");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#helpTabs").tryQuery().isPresent()));
        push(KeyCode.ESCAPE);
    }
}
