package org.reliefdesk.gui.shell;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.Test;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An error nobody caught: a dialog in plain Chinese giving its id and the log, and the window goes on with what was typed. */
class CrashDialogGuiTest extends GuiTestBase {

    @Test
    void anUnexpectedErrorIsSaidPlainlyWithTheLogAndNothingTypedIsLost() throws Exception {
        startApp(LocalDate.of(2021, 11, 23), 200);
        signIn("李水清");
        TextField search = lookup("#searchField").queryAs(TextField.class);
        interact(() -> search.setText("李"));
        Platform.runLater(() -> {
            throw new IllegalStateException("测试用的意外");
        });
        // The pane exists a moment before its window shows (the lookup runs off the FX thread): wait for its button
        // to be shown, which is what a person could click.
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#crashDialog").tryQuery().isPresent()
                        && continueButton().isPresent()));
        DialogPane pane = lookup("#crashDialog").queryAs(DialogPane.class);
        assertEquals("程序遇到了一个意外问题", pane.getHeaderText());
        // the error's id, which the log holds with the stack trace; never the exception's class or its text
        assertTrue(pane.getContentText().startsWith("错误编号：E-"), pane.getContentText());
        assertTrue(pane.getContentText().matches("(?s)错误编号：E-[0-9A-F]{8}\n.*"), pane.getContentText());
        assertFalse(
                pane.getContentText().contains("测试用的意外")
                        || pane.getContentText().contains("IllegalStateException"),
                pane.getContentText());
        assertTrue(
                pane.getContentText()
                        .contains(dataDir.resolve("logs")
                                .resolve("reliefdesk.log")
                                .toString()),
                pane.getContentText());
        clickOn(continueButton().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("李", search.getText(), "what was typed is still there");
        assertTrue(lookup("#ticketTable").tryQuery().isPresent(), "the workbench goes on");
        assertTrue(lookup("#crashDialog").tryQuery().isEmpty(), "the dialog closed");
    }

    private Optional<Button> continueButton() {
        return lookup("#crashContinue").match(NodeQueryUtils.isVisible()).tryQuery();
    }
}
