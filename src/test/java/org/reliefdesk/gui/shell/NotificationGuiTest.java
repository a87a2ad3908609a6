package org.reliefdesk.gui.shell;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.Ticket;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ticket that arrives while the clerk works pops up a notice (Tuesday noon: office hours). */
class NotificationGuiTest extends GuiTestBase {

    private static final LocalDate TUESDAY = LocalDate.of(2021, 11, 23);

    @Test
    void aNewWaterRequestIsAnnouncedAndTheNoticeOpensMyTasks() throws Exception {
        startApp(TUESDAY, 200);
        signIn(DemoUsers.WATER_CLERK.displayName());
        assertTrue(lookup(".notification-bar").tryQuery().isEmpty(), "nothing announced at sign-in");

        Ticket arrived = openWaterTicket(TUESDAY, DemoUsers.TOWNSHIP_STAFF);
        interact(() -> lookup("#refreshButton").queryButton().fire());

        Predicate<Node> notice = n -> n instanceof Labeled l
                && l.getText() != null
                && l.getText().contains("新到 1 件待办")
                && l.getText().contains(arrived.ticketNo());
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> lookup(notice).tryQuery().isPresent()));
        clickOn((Node) lookup(notice).query());
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> app != null
                        && lookup("#queueList")
                                        .queryListView()
                                        .getSelectionModel()
                                        .getSelectedItem()
                                == Queue.MY_TASKS));
        assertTrue(table().getItems().stream().anyMatch(t -> t.ticketNo().equals(arrived.ticketNo())));

        // a second refresh with nothing new says nothing more
        interact(() -> lookup("#refreshButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> !lookup("#refreshButton").queryButton().isDisabled()));
        // at most the first notice (it hides itself after 10 s, which a loaded machine may reach by now)
        assertTrue(lookup(notice).queryAll().size() <= 1, "no second notice");
    }

    @Test
    void aMinimisedWindowSaysInItsTitleThatNoticesWait() throws Exception {
        startApp(TUESDAY, 200);
        signIn(DemoUsers.WATER_CLERK.displayName());
        Stage stage = (Stage) lookup("#ticketTable").query().getScene().getWindow();
        String title = stage.getTitle();
        interact(() -> stage.setIconified(true));
        openWaterTicket(TUESDAY, DemoUsers.TOWNSHIP_STAFF);
        interact(() -> lookup("#refreshButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.getTitle().startsWith("（1 条新提醒）"));
        assertTrue(stage.getTitle().endsWith(title), stage.getTitle());
        interact(() -> stage.setIconified(false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.getTitle().equals(title));
    }
}
