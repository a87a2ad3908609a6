package org.reliefdesk.gui.shell;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.sample.DemoUsers;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two people on one PC: each finds the window where they left it, and moving it does not move the other's. */
class WindowPlaceGuiTest extends GuiTestBase {

    @Test
    void eachPersonFindsTheWindowWhereTheyLeftIt() throws Exception {
        startApp(LocalDate.of(2021, 11, 23), 60);
        signIn(DemoUsers.WATER_CLERK.displayName());
        Stage stage = (Stage) lookup("#ticketTable").query().getScene().getWindow();
        place(stage, 30, 20, 900, 650);
        Thread.sleep(700); // the place is written once the window has stopped moving
        clickOn("#switchUserButton");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#signInUserList").tryQuery().isPresent()));

        signIn(DemoUsers.LEADER.displayName());
        place(stage, 60, 50, 960, 700); // the leader's own place, moved just before switching back
        clickOn("#switchUserButton");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#signInUserList").tryQuery().isPresent()));

        signIn(DemoUsers.WATER_CLERK.displayName());
        assertPlace(stage, 30, 20, 900, 650);
        clickOn("#switchUserButton");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#signInUserList").tryQuery().isPresent()));
        signIn(DemoUsers.LEADER.displayName());
        assertPlace(stage, 60, 50, 960, 700);
    }

    private void place(Stage stage, double x, double y, double w, double h) {
        interact(() -> {
            stage.setX(x);
            stage.setY(y);
            stage.setWidth(w);
            stage.setHeight(h);
        });
    }

    private static void assertPlace(Window stage, double x, double y, double w, double h) {
        assertEquals(x, stage.getX(), 1, "x");
        assertEquals(y, stage.getY(), 1, "y");
        assertEquals(w, stage.getWidth(), 1, "width");
        assertEquals(h, stage.getHeight(), 1, "height");
    }
}
