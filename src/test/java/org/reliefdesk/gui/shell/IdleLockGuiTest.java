package org.reliefdesk.gui.shell;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.users.PasswordHash;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A shared PC left alone locks; the person's password (typed, Enter) opens it with the work as it was. */
class IdleLockGuiTest extends GuiTestBase {

    @Test
    void theWindowLocksWhenLeftAndThePasswordOpensItAgain() throws Exception {
        idleLock = Duration.ofSeconds(2);
        startApp(LocalDate.of(2021, 11, 23), 60);
        app.workspace().store.syncFacts().rememberPassword("water.clerk", PasswordHash.hash("pw-2026".toCharArray()));
        signIn(DemoUsers.WATER_CLERK.displayName());
        clickOn("#searchField").write("5301");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#lockScreen").tryQuery().isPresent()));
        // what was typed before the lock is still there behind it
        assertEquals("5301", lookup("#searchField").queryTextInputControl().getText());

        PasswordField password = lookup("#lockPassword").queryAs(PasswordField.class);
        // typed at once, without a click: the keys go to the lock, not to the search box behind it
        write("wrong");
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() ->
                        !lookup("#lockError").queryAs(Label.class).getText().isEmpty()));
        assertTrue(lookup("#lockScreen").tryQuery().isPresent(), "a wrong password leaves it locked");

        // the field is emptied and has the focus again
        assertEquals("", password.getText());
        assertTrue(password.isFocused());
        write("pw-2026");
        push(KeyCode.ENTER);
        // looked up on the FX thread: the lock screen leaves the scene while a lookup walks it
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#lockScreen").tryQuery().isEmpty()));
        assertEquals("5301", lookup("#searchField").queryTextInputControl().getText());
        assertFalse(lookup("#lockPassword").tryQuery().isPresent());
    }
}
