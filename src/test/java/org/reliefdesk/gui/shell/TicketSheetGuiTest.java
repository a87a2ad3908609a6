package org.reliefdesk.gui.shell;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.Ticket;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 打印办理单 from the open ticket shows its sheet page by page; several rows chosen with Shift
 * print together with Ctrl+P; Esc closes the preview.
 */
class TicketSheetGuiTest extends GuiTestBase {

    @Test
    void theOpenTicketsSheetIsShownAndChosenRowsPrintTogether() throws Exception {
        startApp(LocalDate.of(2021, 11, 23), 100);
        signIn(DemoUsers.WATER_CLERK.displayName());
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#ticketTable")
                                .queryAs(TableView.class)
                                .getItems()
                                .size()
                        > 2));
        @SuppressWarnings("unchecked")
        TableView<Ticket> table = lookup("#ticketTable").queryAs(TableView.class);
        interact(() -> table.getSelectionModel().select(0));
        Ticket first = table.getItems().get(0);

        clickOn("#printSheet");
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#sheetPages #reportPage").tryQuery().isPresent()));
        ImageView page = lookup("#sheetPages #reportPage").queryAs(ImageView.class);
        assertTrue(page.getImage().getHeight() > page.getImage().getWidth(), "an A4 portrait page");
        Stage preview = (Stage) page.getScene().getWindow();
        assertEquals("工单办理单 — " + first.ticketNo(), preview.getTitle());
        assertTrue(lookup("#sheetMessage").queryAs(Label.class).getText().startsWith("共 1 件工单"));
        push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#sheetPages").tryQuery().isEmpty()));

        // the first three rows chosen by keyboard, printed at once
        interact(table::requestFocus);
        interact(() -> {
            table.getSelectionModel().clearAndSelect(0);
            table.getFocusModel().focus(0);
        });
        press(KeyCode.SHIFT).type(KeyCode.DOWN, 2).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, table.getSelectionModel().getSelectedItems().size());
        press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#sheetPages #reportPage").tryQuery().isPresent()));
        Stage three = (Stage) lookup("#sheetPages").query().getScene().getWindow();
        assertEquals("工单办理单 — " + first.ticketNo() + " 等 3 件", three.getTitle());
        assertTrue(lookup("#sheetMessage").queryAs(Label.class).getText().startsWith("共 3 件工单"));
        clickOn("#sheetClose");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#sheetPages").tryQuery().isEmpty()));
    }

    @Test
    void aWholeCountyChosenIsNotPrintedAndCtrlPElsewhereIsNotAboutTheRows() throws Exception {
        startApp(LocalDate.of(2021, 11, 23), 600);
        signIn(DemoUsers.LEADER.displayName());
        interact(() ->
                lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        @SuppressWarnings("unchecked")
        TableView<Ticket> table = lookup("#ticketTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> onFx(() -> table.getItems().size() > 200));
        interact(() -> table.getSelectionModel().selectAll());
        interact(table::requestFocus);
        press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() ->
                        lookup("#statusMessage").queryAs(Label.class).getText().contains("一次最多打印 200 件")));
        assertTrue(lookup("#sheetPages").tryQuery().isEmpty(), "no preview of hundreds of sheets");

        interact(() -> table.getSelectionModel().clearAndSelect(0));
        interact(() ->
                lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(0));
        press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        assertTrue(
                lookup("#sheetPages").tryQuery().isEmpty(), "on the dashboard, Ctrl+P does not print the list's rows");
    }
}
