package org.reliefdesk.gui.shell;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.User;
import org.reliefdesk.store.LocalStore;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One water ticket from acceptance to the follow-up visit without the mouse: signing in from the
 * list, finding the ticket (Ctrl+F), reaching the table with Tab, opening its next action with
 * Enter, filling each form with the keyboard and saving with Ctrl+S, switching user with Tab and
 * Space. Waits on node ids and the store, never on display text.
 */
class KeyboardWaterChainGuiTest extends GuiTestBase {

    private static final LocalDate TODAY = LocalDate.of(2021, 11, 23);

    @Test
    void acceptVerifySolveFeedBackAndFollowUpByKeyboardOnly() throws Exception {
        startApp(TODAY, 60);
        Ticket ticket = openWaterTicket(TODAY, DemoUsers.WATER_CLERK);
        String number = ticket.ticketNo();

        signInByKeys(DemoUsers.WATER_CLERK);
        find(number);
        nextActionByItsButton("accept");
        typeText("屏山水务站");
        saveByKeys();
        waitForStep(number, "verification");
        // the button that opened the form left with the step: the keyboard is back on the list
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#action-accept").tryQuery().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        focusedIsInside("ticketTable");

        switchUserByKeys(DemoUsers.TOWNSHIP_STAFF);
        find(number);
        nextAction("verify");
        typeText("2021-11-23"); // on site: the day
        key(KeyCode.TAB);
        typeText("10:30"); // and the time
        key(KeyCode.TAB);
        typeText("张屏山"); // verifier
        key(KeyCode.TAB);
        typeText("大村"); // place
        key(KeyCode.TAB);
        key(KeyCode.SPACE); // confirmed: 是
        key(KeyCode.TAB); // a yes/no pair is one stop: Tab leaves it
        focusedIsInside("field-description");
        typeText("到场核实，主管爆裂");
        key(KeyCode.TAB); // leaves the text area, no tab typed into it
        key(KeyCode.TAB); // past the photo button: no photo this time
        focusedIsInside("field-problem");
        chooseFirst();
        key(KeyCode.TAB);
        typeText("主管老化");
        saveByKeys();
        waitForStep(number, "solving");

        switchUserByKeys(DemoUsers.WATER_CLERK);
        find(number);
        nextAction("solve");
        typeText("2021-11-23");
        key(KeyCode.TAB);
        typeText("更换主管");
        saveByKeys();
        waitForStep(number, "feedback");

        nextActionOnOpenTicket("feedback");
        typeText("已恢复供水，已电话告知申请人");
        saveByKeys();
        waitForStep(number, "follow_up");

        nextActionOnOpenTicket("follow_up");
        typeText("2021-11-23");
        key(KeyCode.TAB);
        chooseFirst(); // method
        key(KeyCode.TAB);
        chooseFirst(); // satisfaction
        key(KeyCode.TAB);
        typeText("群众满意");
        saveByKeys();
        waitForStep(number, "concluded");

        try (LocalStore store = LocalStore.open(dataDir)) {
            List<TicketEvent> history = store.tickets().events(ticket.id());
            assertEquals(
                    List.of("submit", "dispatch", "accept", "verify", "solve", "feedback", "follow_up"),
                    history.stream().map(TicketEvent::action).toList());
            assertEquals("到场核实，主管爆裂", history.get(3).formData().get("description"));
            // what was typed over a prefilled value replaced it (the field is selected on entry)
            assertEquals("大村", history.get(3).formData().get("place"));
            assertEquals("2021-11-23T10:30", history.get(3).formData().get("onSiteAt"));
            assertEquals("张屏山", history.get(3).formData().get("verifier"));
            assertEquals("satisfied", history.get(6).formData().get("satisfaction"));
        }
    }

    // ---- keys only ------------------------------------------------------------------------

    private void key(KeyCode... codes) {
        type(codes);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Typed text goes to the window that has the focus (a form's dialog, or the main window). */
    private void typeText(String text) throws Exception {
        targetWindow(focusedWindow());
        write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Window focusedWindow() throws Exception {
        return WaitForAsyncUtils.asyncFx(KeyboardWaterChainGuiTest::focusedWindowNow)
                .get();
    }

    private Node focusOwner() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    Scene scene = focusedWindowNow().getScene();
                    return scene == null ? null : scene.getFocusOwner();
                })
                .get();
    }

    /** The window in front: the newest one showing (a form's dialog over the main window). */
    private static Window focusedWindowNow() {
        List<Window> showing =
                Window.getWindows().stream().filter(Window::isShowing).toList();
        return showing.get(showing.size() - 1);
    }

    private static boolean inside(Node n, String id) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (id.equals(p.getId())) {
                return true;
            }
        }
        return false;
    }

    private void focusedIsInside(String id) throws Exception {
        Node owner = focusOwner();
        assertTrue(inside(owner, id), "focus on " + id + ", not on " + owner);
    }

    /** Tab until the focus is inside the node with this id (a person tabbing through the window). */
    private void tabTo(String id) throws Exception {
        for (int i = 0; i < 80; i++) {
            if (inside(focusOwner(), id)) {
                return;
            }
            key(KeyCode.TAB);
        }
        throw new AssertionError("Tab never reached " + id + "; focus on " + focusOwner());
    }

    private void signInByKeys(User user) throws Exception {
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#signInUserList").tryQuery().isPresent()));
        @SuppressWarnings("unchecked")
        ListView<User> list = lookup("#signInUserList").queryAs(ListView.class);
        tabTo("signInUserList");
        key(KeyCode.HOME);
        int at = WaitForAsyncUtils.asyncFx(() -> list.getItems().indexOf(user)).get();
        for (int i = 0; i < at; i++) {
            key(KeyCode.DOWN);
        }
        assertTrue(onFx(() -> user.equals(list.getSelectionModel().getSelectedItem())), user.username());
        key(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#ticketTable").tryQuery().isPresent()));
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> onFx(() -> !lookup("#refreshButton").queryButton().isDisabled()));
    }

    private void switchUserByKeys(User user) throws Exception {
        tabTo("switchUserButton");
        key(KeyCode.SPACE);
        signInByKeys(user);
    }

    /** Ctrl+F, the number, then Tab to the table: the one ticket found is open. */
    private void find(String number) throws Exception {
        press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        focusedIsInside("searchField");
        press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        key(KeyCode.BACK_SPACE);
        typeText(number);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> table().getItems().size() == 1));
        tabTo("ticketTable"); // the one ticket found is chosen as Tab enters: no Home, no Down
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> table().getSelectionModel().getSelectedItem() != null
                        && number.equals(
                                table().getSelectionModel().getSelectedItem().ticketNo())));
    }

    /** Enter on the table opens the open ticket's usual next action; the form opens in its first field. */
    private void nextAction(String action) throws Exception {
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#action-" + action).tryQuery().isPresent()));
        key(KeyCode.ENTER);
        waitForFormFocus();
    }

    /** The action's form is open, the keyboard in one of its fields. */
    private void waitForFormFocus() throws Exception {
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> {
                    Node owner = focusedWindowNow().getScene() == null
                            ? null
                            : focusedWindowNow().getScene().getFocusOwner();
                    for (Node p = owner; p != null; p = p.getParent()) {
                        if (p.getId() != null && p.getId().startsWith("field-")) {
                            return true;
                        }
                    }
                    return false;
                }));
    }

    /** Tab from the table to the action's button, then Enter on it. */
    private void nextActionByItsButton(String action) throws Exception {
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#action-" + action).tryQuery().isPresent()));
        tabTo("action-" + action);
        key(KeyCode.ENTER);
        waitForFormFocus();
    }

    /** After a save the table keeps the ticket; back to it with Tab, then Enter. */
    private void nextActionOnOpenTicket(String action) throws Exception {
        tabTo("ticketTable");
        nextAction(action);
    }

    /** Alt+Down opens the drop-down, Down moves to the first choice, Enter takes it. */
    private void chooseFirst() throws Exception {
        Node owner = focusOwner();
        assertTrue(owner instanceof ComboBox<?>, "a drop-down has the focus: " + owner);
        press(KeyCode.ALT).press(KeyCode.DOWN).release(KeyCode.DOWN).release(KeyCode.ALT);
        key(KeyCode.DOWN);
        key(KeyCode.ENTER);
        assertTrue(onFx(() -> ((ComboBox<?>) owner).getValue() != null), "chosen");
    }

    private void saveByKeys() throws Exception {
        press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#saveButton").tryQuery().isEmpty()));
    }

    private void waitForStep(String number, String step) throws Exception {
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> table().getItems().stream()
                        .anyMatch(t ->
                                t.ticketNo().equals(number) && t.currentStep().equals(step))));
    }
}
