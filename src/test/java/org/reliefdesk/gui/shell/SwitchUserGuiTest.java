package org.reliefdesk.gui.shell;

import java.lang.ref.WeakReference;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.sample.DemoUsers;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Offices share PCs: after 切换用户, nothing of the person who left stays in memory. The window
 * (the stage) lives on from person to person, so anything a workbench hangs on it keeps that
 * workbench — and a leader's county — alive; a few switches would fill the heap.
 */
class SwitchUserGuiTest extends GuiTestBase {

    @Test
    void aWorkbenchLeftBySwitchingUserIsNotKept() throws Exception {
        startApp(LocalDate.of(2021, 11, 23), 60);
        signIn(DemoUsers.LEADER.displayName());
        WeakReference<WorkbenchViewModel> left = new WeakReference<>(app.workbench());
        assertNotNull(left.get());
        switchUser();
        signIn(DemoUsers.WATER_CLERK.displayName());
        switchUser();

        // TestFX keeps every event its robot fired, and with it the clicked button's window: dropped
        // here, so what is left is the app's own. Only a weak reference remains in this test: a full
        // collection clears it unless something still holds the workbench (work it started may still
        // be finishing: a few seconds are allowed).
        interact(FiredEventsReset::run);
        for (int i = 0; i < 50 && left.get() != null; i++) {
            System.gc();
            WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        }
        assertNull(left.get(), "the leader's workbench is still reachable after two switches of user");
    }

    private void switchUser() throws Exception {
        clickOn("#switchUserButton");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#signInUserList").tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
