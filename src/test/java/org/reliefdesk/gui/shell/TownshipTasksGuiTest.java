package org.reliefdesk.gui.shell;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.clock.StepTiming;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.Ticket;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Township staff start on their own tasks, soonest deadline first, and can take them. */
class TownshipTasksGuiTest extends GuiTestBase {

    @Test
    void myTasksListsMyTownshipsVerificationsSoonestFirst() throws Exception {
        startApp(LocalDate.of(2021, 11, 23), 1200);
        signIn(DemoUsers.TOWNSHIP_STAFF.displayName());
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#ticketTable").tryQuery().isPresent()
                        && !table().getItems().isEmpty()));
        @SuppressWarnings("unchecked")
        ListView<Queue> queues = lookup("#queueList").queryAs(ListView.class);
        assertEquals(Queue.MY_TASKS, queues.getSelectionModel().getSelectedItem());

        List<Ticket> tasks = List.copyOf(table().getItems());
        assertTrue(tasks.stream().allMatch(t -> t.township().code().equals(DemoUsers.TOWNSHIP_STAFF.townshipCode())));
        assertTrue(tasks.stream().allMatch(t -> t.status().isOpen()));
        assertTrue(tasks.stream().anyMatch(t -> t.currentStep().equals("verification")), tasks.toString());
        // Soonest deadline first.
        List<Instant> dues =
                tasks.stream().map(t -> timelineDue(t)).filter(d -> d != null).toList();
        for (int i = 1; i < dues.size(); i++) {
            assertFalse(dues.get(i).isBefore(dues.get(i - 1)), "deadline order at " + i);
        }
        Ticket first = tasks.get(0);
        clickOn((Node) lookup(n -> n instanceof TableRow<?> r && first.equals(r.getItem()))
                .query());
        // The action bar follows the ticket's history, read off the FX thread: a task gets an action for this user.
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> !lookup("#actionBar")
                        .queryAs(FlowPane.class)
                        .getChildren()
                        .isEmpty()));
    }

    /** The current step's deadline as the detail pane shows it for a ticket. */
    private Instant timelineDue(Ticket t) {
        // a row exists only once it is scrolled into view and laid out
        interact(() -> table().scrollTo(t));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn((Node) lookup(n -> n instanceof TableRow<?> r && t.equals(r.getItem()))
                .query());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<StepTiming> timeline =
                (TableView<StepTiming>) lookup("#timelineTable").query();
        List<StepTiming> steps = timeline.getItems();
        return steps.isEmpty() || steps.get(steps.size() - 1).left() != null
                ? null
                : steps.get(steps.size() - 1).due();
    }
}
