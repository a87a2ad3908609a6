package org.reliefdesk.gui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Paint;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketStatus;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Enter opens a ticket's next action; a user's column order and widths come back next time. */
class KeyboardAndColumnsGuiTest extends GuiTestBase {

    private void start() throws Exception {
        startApp(LocalDate.of(2021, 11, 23), 300);
        signIn(DemoUsers.WATER_CLERK.displayName());
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#ticketTable").tryQuery().isPresent()
                        && !table().getItems().isEmpty()));
    }

    @Test
    void enterOpensTheNextActionAndColumnsAreRemembered() throws Exception {
        start();
        Ticket fresh = table().getItems().stream()
                .filter(t -> t.status() == TicketStatus.NEW && t.dispatchedAt() != null)
                .findFirst()
                .orElseThrow();
        interact(() -> table().scrollTo(fresh));
        clickOn((Node) lookup(n -> n instanceof TableRow<?> r && fresh.equals(r.getItem()))
                .query());
        // Enter takes the first action the opened ticket allows: wait until its history (and so its actions) is read
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#action-accept").tryQuery().isPresent()));
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#field-station").tryQuery().isPresent()));
        type(KeyCode.ESCAPE); // nothing typed: closes without asking
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#field-station").tryQuery().isEmpty());

        // Move "township" to the front and widen it.
        interact(() -> {
            TableColumn<Ticket, ?> township = column("column.township");
            table().getColumns().remove(township);
            table().getColumns().add(0, township);
            township.setPrefWidth(177);
        });
        Path prefs = dataDir.resolve("prefs").resolve("water.clerk.tickets.properties");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> Files.exists(prefs) && Files.readString(prefs).contains("column.township.width=177"));

        stopApp();
        start();
        assertEquals("column.township", table().getColumns().get(0).getId());
        assertEquals(177, column("column.township").getWidth(), 1.0);
    }

    /**
     * Tab into the queue chooses its first row, and Down then the second. Left to JavaFX, Tab chose
     * no row (Enter did nothing) and the first Down chose the second row.
     */
    @Test
    void tabIntoTheQueueChoosesItsFirstRowAndDownTheNext() throws Exception {
        start();
        interact(() -> {
            table().getSelectionModel().clearSelection();
            lookup("#searchField").query().requestFocus();
        });
        for (int i = 0; i < 40 && !onFx(() -> table().isFocused()); i++) {
            type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(onFx(() -> table().isFocused()), "Tab reaches the queue");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> onFx(() -> table().getSelectionModel().getSelectedIndex() == 0));
        type(KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> onFx(() -> table().getSelectionModel().getSelectedIndex() == 1));
    }

    /** The row colours are told apart by a legend that uses the very same colours, in the user's words. */
    @Test
    void theLegendShowsTheRowColours() throws Exception {
        start();
        FlowPane legend = lookup("#ladderLegend").queryAs(FlowPane.class);
        assertEquals(
                List.of("即将到期", "环节超期", "督办"),
                onFxList(() -> legend.getChildren().stream()
                        .map(n -> ((Label) n).getText())
                        .toList()));
        int compared = 0;
        for (Queue queue : List.of(Queue.DUE_SOON, Queue.STEP_OVERDUE, Queue.SUPERVISED)) {
            String state = queue.name().toLowerCase(Locale.ROOT).replace('_', '-');
            interact(() -> {
                lookup("#queueList").queryListView().getSelectionModel().select(queue);
                table().getSelectionModel().clearSelection();
            });
            WaitForAsyncUtils.waitForFxEvents();
            if (onFx(() -> table().getItems().isEmpty())) {
                continue; // none in this sample county's scope
            }
            String rows = onFxText(() -> lookup(n -> n instanceof TableRow<?>).queryAll().stream()
                    .map(n -> n.getPseudoClassStates().toString())
                    .toList()
                    .toString());
            Paint swatch = onFxPaint(() -> legend.getChildren().stream()
                    .filter(n -> n.getStyleClass().contains("legend-" + state))
                    .map(n -> ((Label) n).getBackground().getFills().get(0).getFill())
                    .findFirst()
                    .orElseThrow());
            assertTrue(
                    onFx(() -> lookup(n -> n instanceof TableRow<?> r
                                    && r.getPseudoClassStates().contains(PseudoClass.getPseudoClass(state))
                                    && !r.isSelected())
                            .tryQuery()
                            .isPresent()),
                    state + " rows: " + rows);
            Paint row = onFxPaint(() -> ((TableRow<?>) lookup(n -> n instanceof TableRow<?> r
                                    && r.getPseudoClassStates().contains(PseudoClass.getPseudoClass(state))
                                    && !r.isSelected())
                            .query())
                    .getBackground()
                    .getFills()
                    .get(0)
                    .getFill());
            assertEquals(swatch, row, state);
            compared++;
        }
        assertTrue(compared >= 2, "rows of at least two states were compared: " + compared);
    }

    private static List<String> onFxList(Callable<List<String>> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static String onFxText(Callable<String> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static Paint onFxPaint(Callable<Paint> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /**
     * Ctrl+Tab turns the page wherever the focus is: from the top bar's search box and 新建工单 (it
     * did nothing there: the tab pane turns pages only with the focus inside it), and from inside a
     * page by one page, not two; Ctrl+Shift+Tab and Ctrl+PageUp turn back.
     */
    @Test
    void ctrlTabTurnsThePageFromTheTopBarAndFromInsideAPage() throws Exception {
        start();
        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        int first = tabs.getSelectionModel().getSelectedIndex();
        for (String id : List.of("#searchField", "#newTicketButton")) {
            interact(() -> lookup(id).query().requestFocus());
            push(KeyCode.CONTROL, KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(first + 1, tabs.getSelectionModel().getSelectedIndex(), "Ctrl+Tab from " + id);
            assertTrue(tabs.isFocused(), "the focus goes to the pages, so Tab walks into the one chosen");
            interact(() -> lookup(id).query().requestFocus());
            push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(first, tabs.getSelectionModel().getSelectedIndex(), "Ctrl+Shift+Tab from " + id);
        }
        interact(() -> lookup("#queueList").query().requestFocus());
        push(KeyCode.CONTROL, KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first + 1, tabs.getSelectionModel().getSelectedIndex(), "Ctrl+Tab inside a page turns one page");
        interact(() -> lookup("#searchField").query().requestFocus());
        push(KeyCode.CONTROL, KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first, tabs.getSelectionModel().getSelectedIndex(), "Ctrl+PageUp");
    }

    /** After 切换用户 the sign-in list shares the window's scene: the workbench's shortcuts leave with it. */
    @Test
    void theWorkbenchShortcutsLeaveWithItsUser() throws Exception {
        start();
        Scene scene = table().getScene();
        KeyCodeCombination f5 = new KeyCodeCombination(KeyCode.F5);
        KeyCodeCombination find = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
        assertTrue(onFx(() -> scene.getAccelerators().containsKey(f5)
                && scene.getAccelerators().containsKey(find)));
        clickOn("#switchUserButton");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#signInUserList").tryQuery().isPresent()));
        assertFalse(onFx(() -> scene.getAccelerators().containsKey(f5)), "F5 would reload the last user's queue");
        assertFalse(onFx(() -> scene.getAccelerators().containsKey(find)));
        assertNull(app.workbench(), "the last user's workbench is let go");
    }

    @SuppressWarnings("unchecked")
    private TableColumn<Ticket, ?> column(String id) {
        return (TableColumn<Ticket, ?>) table().getColumns().stream()
                .filter(c -> id.equals(c.getId()))
                .findFirst()
                .orElseThrow();
    }
}
