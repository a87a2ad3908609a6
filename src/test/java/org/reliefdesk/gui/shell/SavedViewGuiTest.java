package org.reliefdesk.gui.shell;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.Ticket;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 视图 → 保存当前视图…: the queue, the search, the sort and the hidden columns kept under a name;
 * chosen again later, the table looks as it did; the name's rule is said while typing.
 */
class SavedViewGuiTest extends GuiTestBase {

    @Test
    void aSavedViewBringsBackTheQueueSearchSortAndColumns() throws Exception {
        startApp(LocalDate.of(2021, 11, 23), 150);
        signIn(DemoUsers.CIVIL_CLERK.displayName());
        TableView<Ticket> table = table();
        @SuppressWarnings("unchecked")
        ListView<Queue> queues = lookup("#queueList").queryAs(ListView.class);
        TableColumn<Ticket, ?> days = column(table, "column.daysOpen");
        TableColumn<Ticket, ?> township = column(table, "column.township");
        interact(() -> {
            queues.getSelectionModel().select(Queue.IN_PROGRESS);
            days.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(days);
            township.setVisible(false);
        });

        clickOn("#viewsButton");
        clickOn("#saveViewItem");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#viewNameField").tryQuery().isPresent()));
        Button ok = lookup("#viewSaveButton").queryButton();
        assertTrue(ok.isDisabled(), "no name, no saving");
        write("x".repeat(31));
        assertTrue(ok.isDisabled());
        assertTrue(lookup("#viewNameMessage").queryLabeled().getText().contains("视图名称"), "the field named");
        // Chinese comes through an input method, not key by key: put in as the method commits it
        interact(() -> lookup("#viewNameField").queryAs(TextField.class).setText("办理中·最久"));
        assertFalse(ok.isDisabled());
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#viewNameField").tryQuery().isEmpty()));

        // the table changed back, then the view chosen
        interact(() -> {
            queues.getSelectionModel().select(Queue.ALL);
            table.getSortOrder().clear();
            township.setVisible(true);
        });
        clickOn("#viewsButton");
        clickOn("#view-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Queue.IN_PROGRESS, queues.getSelectionModel().getSelectedItem());
        assertEquals(1, table.getSortOrder().size());
        assertEquals("column.daysOpen", table.getSortOrder().get(0).getId());
        assertEquals(TableColumn.SortType.DESCENDING, days.getSortType());
        assertFalse(township.isVisible(), "the hidden column hidden again");
        // a column shown again from the menu, by keyboard as well as by mouse
        clickOn("#viewsButton");
        clickOn("#columnsMenu");
        clickOn("#show-column-township");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(township.isVisible(), "shown again from 视图 → 显示的列");
        long first = (Long) days.getCellObservableValue(table.getItems().get(0)).getValue();
        long last = (Long) days.getCellObservableValue(
                        table.getItems().get(table.getItems().size() - 1))
                .getValue();
        assertTrue(first >= last, "the longest open first");

        // the time-limit column sorts by how late, not by the words' order
        TableColumn<Ticket, ?> ladder = column(table, "column.ladder");
        interact(() -> {
            queues.getSelectionModel().select(Queue.ALL);
            lookup("#searchField").queryTextInputControl().setText("");
            ladder.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(ladder);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = table.getItems().stream()
                .map(t -> String.valueOf(ladder.getCellObservableValue(t).getValue()))
                .distinct()
                .toList();
        assertEquals("已办结", shown.get(0), "concluded last in rank: first when descending");
        assertEquals("正常", shown.get(shown.size() - 1), shown.toString());
        assertTrue(shown.indexOf("督办") < shown.indexOf("环节超期"), shown.toString());
        assertTrue(shown.indexOf("环节超期") < shown.indexOf("即将到期"), shown.toString());
    }

    @SuppressWarnings("unchecked")
    private static TableColumn<Ticket, ?> column(TableView<Ticket> table, String id) {
        return table.getColumns().stream()
                .filter(c -> id.equals(c.getId()))
                .findFirst()
                .orElseThrow();
    }
}
