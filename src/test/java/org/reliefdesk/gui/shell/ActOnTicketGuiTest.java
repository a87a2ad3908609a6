package org.reliefdesk.gui.shell;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.FlowPane;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketStatus;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A water clerk works a new request through the catalog-rendered forms, headless. */
class ActOnTicketGuiTest extends GuiTestBase {

    @BeforeEach
    void start() throws Exception {
        startApp(LocalDate.of(2021, 11, 23), 600);
        signIn(DemoUsers.WATER_CLERK.displayName());
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#ticketTable").tryQuery().isPresent()
                        && !table().getItems().isEmpty()));
    }

    @SuppressWarnings("unchecked")
    private List<TicketEvent> history() {
        return List.copyOf(((TableView<TicketEvent>) lookup("#eventTable").query()).getItems());
    }

    /**
     * Presses an action button once the pane has settled. (A robot click right after selecting
     * a row can land on the neighbouring button while the pane still lays itself out.)
     */
    private void press(String id) throws Exception {
        // the action bar fills once the ticket's history is read (off the FX thread)
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> lookup(id).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        Button button = lookup(id).queryAs(Button.class);
        Platform.runLater(button::fire); // not interact(): the form is modal
    }

    private void queue(Queue q) {
        @SuppressWarnings("unchecked")
        ListView<Queue> queues = lookup("#queueList").queryAs(ListView.class);
        interact(() -> queues.getSelectionModel().select(q));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Ticket selectFirstNew() {
        queue(Queue.NEW);
        // the newest that the platform has dispatched (one not yet dispatched takes no action)
        Ticket first = table().getItems().stream()
                .filter(t -> t.dispatchedAt() != null)
                .findFirst()
                .orElseThrow();
        assertEquals(TicketStatus.NEW, first.status());
        clickOn((Node) lookup(n -> n instanceof TableRow<?> r && first.equals(r.getItem()))
                .query());
        WaitForAsyncUtils.waitForFxEvents();
        try { // its history is read off the FX thread
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !history().isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("the selected ticket's history was not shown", e);
        }
        return first;
    }

    @Test
    void clerkAcceptsAWaterRequestThroughItsForm() throws Exception {
        Ticket ticket = selectFirstNew();
        int eventsBefore = history().size();
        press("#action-accept");
        // The form sits in a scroll pane whose content attaches a pulse after the window shows.
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#field-station").tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        // The Save button of this dialog: the one in the same window as the form's field.
        Button save = (Button) lookup("#field-station").query().getScene().lookup("#saveButton");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, save::isDisabled); // save stays disabled until the form is valid
        TextField station = (TextField) save.getScene().lookup("#field-station");
        clickOn(station).write("Pingshan");
        interact(() -> station.appendText("水务站"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(save.isDisabled());
        clickOn(save);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() ->
                        lookup("#statusMessage").queryAs(Label.class).getText().startsWith("已保存")));
        // The pane reads the saved ticket's history again off the FX thread: the list that shows the new event.
        AtomicReference<List<TicketEvent>> saved = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> {
                    saved.set(history());
                    return saved.get().size() == eventsBefore + 1;
                }));
        TicketEvent accepted = saved.get().get(eventsBefore);
        assertEquals("accept", accepted.action());
        assertEquals("water.clerk", accepted.actor());
        assertEquals("Pingshan水务站", accepted.formData().get("station"));
        // Accepted, it has left the 待受理 queue; in 全部 it is in verification.
        queue(Queue.ALL);
        Ticket after = table().getItems().stream()
                .filter(t -> t.id().equals(ticket.id()))
                .findFirst()
                .orElseThrow();
        assertEquals("verification", after.currentStep());
        assertEquals(TicketStatus.IN_PROGRESS, after.status());
        interact(() -> table().getSelectionModel().select(after));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(after.id(), table().getSelectionModel().getSelectedItem().id());
        assertTrue(
                lookup("#actionBar").queryAs(FlowPane.class).getChildren().stream()
                        .noneMatch(b -> b.getId() != null && b.getId().startsWith("action-")),
                "verification is the township's step: the clerk has no action");
    }

    @Test
    void aSavedActionLeavesTheListWhereThePersonHadIt() throws Exception {
        queue(Queue.ALL);
        VirtualFlow<?> flow = (VirtualFlow<?>) table().lookup(".virtual-flow");
        int firstShown = fx(() -> flow.getFirstVisibleCell().getIndex());
        int lastShown = fx(() -> flow.getLastVisibleCell().getIndex());
        // a ticket the clerk can accept, some rows down the part of the list on screen
        Ticket ticket = fx(() -> table().getItems().subList(firstShown + 2, lastShown).stream()
                .filter(t -> t.status() == TicketStatus.NEW && t.dispatchedAt() != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no new dispatched ticket on screen")));
        interact(() -> table().getSelectionModel().select(ticket));
        press("#action-accept");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#field-station").tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        TextField station = lookup("#field-station").queryAs(TextField.class);
        Button save = (Button) station.getScene().lookup("#saveButton");
        interact(() -> station.setText("屏山水务站"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !save.isDisabled()));
        interact(save::fire);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> {
                    Ticket chosen = table().getSelectionModel().getSelectedItem();
                    return chosen != null
                            && chosen.id().equals(ticket.id())
                            && chosen.currentStep().equals("verification");
                }));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(firstShown, fx(() -> flow.getFirstVisibleCell().getIndex()), "the list did not move");
    }

    @Test
    void aHalfFilledRejectionAsksBeforeItIsDiscardedAndSavesNothing() throws Exception {
        Ticket ticket = selectFirstNew();
        int eventsBefore = history().size();
        press("#action-reject");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#field-reason").tryQuery().isPresent()));
        TextArea reason = lookup("#field-reason").queryAs(TextArea.class);
        clickOn(reason).write("abc");
        interact(() -> reason.setText(""));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("必须填写", lookup("#error-reason").queryAs(Label.class).getText());
        assertTrue(((Button) reason.getScene().lookup("#saveButton")).isDisabled());
        clickOn(reason).write("not ours");
        clickOn("#cancelButton");
        // The confirmation: keep editing.
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#confirmNo").tryQuery().isPresent()));
        assertTrue(
                lookup(".dialog-pane .content")
                        .lookup((Node n) -> n instanceof Label l
                                && l.getText() != null
                                && l.getText().contains("尚未保存"))
                        .tryQuery()
                        .isPresent(),
                "it asks before dropping what was typed");
        clickOn("#confirmNo");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#field-reason").tryQuery().isPresent(), "still editing");
        clickOn("#cancelButton");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#confirmYes");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lookup("#field-reason").tryQuery().isPresent(), "dialog closed");
        assertEquals(eventsBefore, history().size(), "nothing saved");
        queue(Queue.ALL);
        assertEquals(
                TicketStatus.NEW,
                table().getItems().stream()
                        .filter(t -> t.id().equals(ticket.id()))
                        .findFirst()
                        .orElseThrow()
                        .status());
    }
}
