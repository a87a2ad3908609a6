package org.reliefdesk.gui.shell;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.FormFaker;
import org.reliefdesk.logic.sync.OpResult;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.workflow.TicketFacts;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.store.Outbox;
import org.reliefdesk.store.TicketActions;
import org.reliefdesk.sync.CentralClient;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workbench on its embedded default: the demo central store on loopback holds the county,
 * the PC fills by pulling, the status bar says when it last synced, and a change that meets
 * someone else's earlier one shows in the conflicts tab with both versions until discarded.
 */
class SyncGuiTest extends GuiTestBase {

    private static final LocalDate DAY = LocalDate.of(2021, 11, 23);

    @Test
    void theCountyArrivesByPullAndAConflictIsShownAndDiscarded() throws Exception {
        central = AppConfig.Central.embedded();
        startApp(DAY, 300);
        signIn("李水清");
        Workspace ws = app.workspace();
        Label status = lookup("#syncStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> status.getText().startsWith("上次同步")));
        assertTrue(status.getText().contains("待推送 0 条"), status.getText());
        int pulled = table().getItems().size();
        assertTrue(pulled > 0, "the water tickets arrived by pull");
        assertEquals(
                pulled,
                ws.store
                        .tickets()
                        .list(TicketScope.of(DemoUsers.WATER_CLERK, ws.catalog))
                        .size());

        // Someone on another PC acts on a ticket first; this PC acts on the same one, not knowing.
        WorkflowEngine engine = ws.engine();
        Ticket target = ws.store.tickets().list(TicketScope.of(DemoUsers.WATER_CLERK, ws.catalog)).stream()
                .filter(t -> engine.mayActInStep(t, DemoUsers.WATER_CLERK))
                .filter(t -> !firstAction(engine, ws, t).isEmpty())
                .findFirst()
                .orElseThrow();
        List<TicketEvent> history = ws.store.tickets().events(target.id());
        ActionDef action = firstAction(engine, ws, target).get(0);
        Map<String, Object> form = FormFaker.happy(ws.catalog)
                .fill(
                        ws.catalog.form(action.form()).orElse(new FormDef("none", List.of())),
                        TicketFacts.of(history),
                        ws.config.clock().instant());
        CentralClient other = new CentralClient(ws.centralUrl(), Duration.ofSeconds(10));
        String token = other.signIn(DemoUsers.WATER_CLERK.username(), DemoUsers.DEMO_PASSWORD.toCharArray(), "other-pc")
                .token();
        OpResult first = other.push(
                        token,
                        List.of(Operation.act(
                                UUID.randomUUID(),
                                target.id(),
                                history.size(),
                                action.code(),
                                form,
                                "另一台电脑先办理",
                                ws.config.clock().instant(),
                                UUID.randomUUID())))
                .get(0);
        assertEquals(OpResult.Outcome.APPLIED, first.outcome());
        new TicketActions(ws.store, engine)
                .act(target.id(), target.version(), DemoUsers.WATER_CLERK, action.code(), form, "本机办理");

        interact(() -> ((SplitMenuButton) lookup("#syncButton").query()).fire());
        Tab conflicts = lookup("#mainTabs").queryAs(TabPane.class).getTabs().stream()
                .filter(t -> "conflictsTab".equals(t.getId()))
                .findFirst()
                .orElseThrow();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> conflictRows(1));
        assertTrue(conflicts.getText().contains("（1）"), "the tab counts it: " + conflicts.getText());
        assertEquals(
                Outbox.TicketSync.CONFLICT, ws.store.outbox().ticketStates().get(target.id()));
        interact(() ->
                lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(conflicts));
        @SuppressWarnings("unchecked")
        ListView<Outbox.Entry> list = lookup("#conflictList").queryAs(ListView.class);
        interact(() -> list.getSelectionModel().select(0));
        String mine = lookup("#mineText").queryAs(TextArea.class).getText();
        String theirs = lookup("#centralText").queryAs(TextArea.class).getText();
        assertTrue(mine.contains("本机办理"), mine);
        assertTrue(theirs.contains("另一台电脑先办理"), theirs);
        assertTrue(lookup("#conflictReason").queryAs(Label.class).getText().contains("已有人先办理"));

        clickOn("#discardButton");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#confirmYes").tryQuery().isPresent()));
        clickOn("#confirmYes");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> conflictRows(0));
        assertTrue(conflicts.getText().contains("（0）"), conflicts.getText());
        List<TicketEvent> now = ws.store.tickets().events(target.id());
        assertEquals("另一台电脑先办理", now.get(now.size() - 1).note(), "the ticket shows the central version");
        assertEquals(Outbox.State.DISCARDED, ws.store.outbox().all().get(0).state(), "the change stays on record");
        assertFalse(lookup("#conflictMessage").queryAs(Label.class).getText().isBlank());
    }

    @Test
    void anActionSavedOnThisPcIsCountedAsWaitingAtOnceNotAtTheNextLoad() throws Exception {
        central = AppConfig.Central.embedded();
        startApp(DAY, 300);
        signIn("李水清");
        Stage stage = (Stage) lookup("#ticketTable").query().getScene().getWindow();
        interact(
                () -> { // an office PC's screen
                    stage.setWidth(1024);
                    stage.setHeight(728);
                });
        Label status = lookup("#syncStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> status.getText().startsWith("上次同步")));
        assertTrue(status.getText().contains("待推送 0 条"), status.getText());
        @SuppressWarnings("unchecked")
        ListView<Queue> queues = lookup("#queueList").queryAs(ListView.class);
        interact(() -> queues.getSelectionModel().select(Queue.NEW));
        WaitForAsyncUtils.waitForFxEvents();
        Ticket chosen = table().getItems().stream()
                .filter(t -> t.dispatchedAt() != null)
                .findFirst()
                .orElseThrow();
        interact(() -> table().getSelectionModel().select(chosen));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#action-accept").tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        Button accept = lookup("#action-accept").queryAs(Button.class);
        Platform.runLater(accept::fire); // the form is modal
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#field-station").tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        TextField station = (TextField) lookup("#field-station").query();
        Button save = (Button) station.getScene().lookup("#saveButton");
        interact(() -> station.setText("屏山水务站"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !save.isDisabled()));
        interact(save::fire);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> app.workspace().store.outbox().pendingCount() == 1);
        // no load follows a saved action (only its ticket is read again); the count must follow anyway
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> onFx(() -> status.getText().contains("待推送 1 条")));
        // and it is read whole beside the saved action's message, not cut to "待推…"
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> status.getText().equals(((Text) status.lookup(".text")).getText())));
        assertFalse(lookup("#statusMessage").queryAs(Label.class).getText().isBlank());
    }

    /**
     * In English on an office screen, beside a saved action's message, the longest thing a sync
     * says about the store (work a restore lost, sent again) reads whole on a line of its own,
     * and takes nothing from the bar: the person's name and the changes waiting read whole, and a
     * message keeps its room (in the bar, the name read "…" and a message a letter a line). The words come
     * from the view model (tested there); here the labels are given them, as only the window lays
     * them out.
     */
    @Test
    void inEnglishAtTheOfficeWidthTheStoresNoticeTakesNoRoomFromTheBar() throws Exception {
        language = Locale.ENGLISH;
        central = AppConfig.Central.embedded();
        startApp(DAY, 300);
        signIn("李水清");
        onAnOfficeScreen();
        Label status = lookup("#syncStatus").queryAs(Label.class);
        Label notice = lookup("#syncNotice").queryAs(Label.class);
        Label message = lookup("#statusMessage").queryAs(Label.class);
        Label user = lookup("#statusUser").queryAs(Label.class);
        Label dataDir = lookup("#statusDataDir").queryAs(Label.class);
        Texts texts = app.workspace().config.texts();
        assertFalse(fx(notice::isVisible), "no line while a sync found nothing about the store");
        String sentAgain = texts.msg("sync.status.sentAgain", "22:47", 2);
        interact(() -> {
            // no message of the sign-in's own (it may or may not be there yet): the bar as it stands idle
            message.textProperty().unbind();
            message.setText("");
            notice.textProperty().unbind();
            notice.setText(sentAgain);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(notice::isVisible));
        assertEquals(sentAgain, fx(() -> ((Text) notice.lookup(".text")).getText()), "the notice whole");
        assertEquals(
                user.getText(),
                fx(() -> ((Text) user.lookup(".text")).getText()),
                "the name whole beside " + fx(status::getText) + " | "
                        + fx(() -> lookup("#ticketCount").queryAs(Label.class).getText()));
        assertEquals(status.getText(), fx(() -> ((Text) status.lookup(".text")).getText()), "the waiting count whole");
        // a saved action's message beside it has the room it has without the notice
        interact(() -> message.setText(texts.msg("action.saved", "Accept", "530128202612070001")));
        WaitForAsyncUtils.waitForFxEvents();
        double withNotice = fx(message::getWidth);
        // the data folder steps aside for a message, so the name is not the one left with "…" alone
        assertFalse(fx(dataDir::isVisible), "the data folder gives way to a message");
        assertEquals("李水清", fx(() -> ((Text) user.lookup(".text")).getText()), "the name alone, whole");
        assertEquals("User: 李水清 (water.clerk)", fx(() -> user.getTooltip().getText()));
        // the longest message a clerk meets daily: a new ticket's, on two lines, beside the name
        String opened = texts.msg("newTicket.savedProvisional", "530128202612080002");
        interact(() -> message.setText(opened));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("李水清", fx(() -> ((Text) user.lookup(".text")).getText()), "the name beside a long message");
        assertEquals(opened, fx(() -> ((Text) message.lookup(".text")).getText()), "the message whole");
        interact(() -> message.setText(texts.msg("action.saved", "Accept", "530128202612070001")));
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> notice.setText(""));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(notice::isVisible));
        assertEquals(fx(message::getWidth), withNotice, "the message keeps its room");
        assertTrue(withNotice >= 80, withNotice + " px");
        assertEquals(dataDir.getText(), fx(() -> dataDir.getTooltip().getText()), "the folder whole on hovering");
    }

    /** Whether the conflicts list (found by its id; the tab's own count is asserted apart) has {@code n} rows. */
    private boolean conflictRows(int n) throws Exception {
        return onFx(() -> lookup("#conflictList")
                .tryQuery()
                .map(list -> ((ListView<?>) list).getItems().size() == n)
                .orElse(false));
    }

    private static List<ActionDef> firstAction(WorkflowEngine engine, Workspace ws, Ticket t) {
        return engine.allowedActions(t, ws.store.tickets().events(t.id()), DemoUsers.WATER_CLERK).stream()
                .filter(a -> !a.reopens())
                .toList();
    }
}
