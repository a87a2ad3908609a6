package org.reliefdesk.gui.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.reliefdesk.gui.sync.SyncViewModel;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.i18n.Texts;

/** The window's last line: who, where the data is, what just happened, sync, and how many tickets are shown. */
final class StatusBar {

    /** The width the sync status keeps whatever else the bar holds (its usual texts are narrower). */
    private static final double SYNC_STATUS_KEPT = 420;

    private final VBox root;

    StatusBar(WorkbenchViewModel vm, SyncViewModel sync, Texts texts, Runnable openHelp) {
        Label user = new Label();
        user.setId("statusUser");
        Label dataDir = new Label(texts.msg("statusBar.dataDir", vm.config().dataDir()));
        dataDir.setId("statusDataDir");
        dataDir.setTooltip(new Tooltip(dataDir.getText()));
        Label count = new Label();
        count.setId("ticketCount");
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.partialProperty().get()
                                ? texts.msg(
                                        "statusBar.countPartial",
                                        vm.list().all().size())
                                : texts.msg(
                                        "statusBar.count",
                                        vm.list().visible().size(),
                                        vm.list().all().size()),
                        vm.list().visible(),
                        vm.list().all(),
                        vm.partialProperty()));
        Label message = new Label();
        message.textProperty()
                .bind(Bindings.when(vm.errorProperty().isNotEmpty())
                        .then(vm.errorProperty())
                        .otherwise(vm.messageProperty()));
        message.setId("statusMessage");
        // red only for what went wrong; a save or an export done reads as done
        message.setMinWidth(0);
        // a reason after a path (无法导出到 X：它正被另一个程序使用…) takes a second line rather than
        // losing its middle at 1024 px
        atMostTwoLines(message);
        Runnable tone = () -> {
            boolean problem = !vm.errorProperty().getValueSafe().isEmpty()
                    || vm.messageIsProblemProperty().get();
            message.getStyleClass().removeAll("message-ok", "message-refused");
            message.getStyleClass().add(problem ? "message-refused" : "message-ok");
        };
        vm.errorProperty().addListener((o, a, b) -> tone.run());
        vm.messageIsProblemProperty().addListener((o, a, b) -> tone.run());
        message.textProperty().addListener((o, a, b) -> tone.run());
        tone.run();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label syncStatus = new Label();
        syncStatus.setId("syncStatus");
        syncStatus.textProperty().bind(sync.statusProperty());
        atMostTwoLines(syncStatus);
        // At 1024 px a saved action's message shares the bar: it and the names give way, not the
        // changes waiting to be pushed nor the count of tickets shown. A long sync problem still
        // shortens beyond SYNC_STATUS_KEPT, so the bar never runs past the window.
        syncStatus
                .minWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.min(syncStatus.prefWidth(-1), SYNC_STATUS_KEPT), syncStatus.textProperty()));
        count.setMinWidth(Region.USE_PREF_SIZE);
        Hyperlink help = new Hyperlink(texts.msg("help.link"));
        help.setId("helpLink");
        help.setOnAction(e -> openHelp.run());
        help.setMinWidth(Region.USE_PREF_SIZE);
        // The name reads whole and the data folder gives way (whole in its tooltip). A message needs
        // the room more: the data folder steps aside while one is shown (it took an even share, and
        // left the name "当前…"), and the name is said alone, whole, with the sign-in name in its
        // tooltip (shortened instead, it read "…" beside a new ticket's two lines at 1024 px).
        String whole =
                texts.msg("statusBar.user", vm.user().displayName(), vm.user().username());
        user.textProperty()
                .bind(Bindings.when(message.textProperty().isEmpty())
                        .then(whole)
                        .otherwise(vm.user().displayName()));
        user.setTooltip(new Tooltip(whole));
        user.setMinWidth(Region.USE_PREF_SIZE);
        dataDir.visibleProperty().bind(message.textProperty().isEmpty());
        dataDir.managedProperty().bind(dataDir.visibleProperty());
        HBox bar = new HBox(18, user, dataDir, message, spacer, syncStatus, count, help);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("statusBar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        // What a sync found about the store (restored, work sent again), rare and long: a line of its
        // own above the bar while there is one, so at 1024 px it takes no room from the bar's notes.
        Label syncNotice = new Label();
        syncNotice.setId("syncNotice");
        syncNotice.textProperty().bind(sync.noticeProperty());
        syncNotice.setPadding(new Insets(4, 8, 0, 8));
        syncNotice.setMaxWidth(Double.MAX_VALUE);
        syncNotice.visibleProperty().bind(syncNotice.textProperty().isNotEmpty());
        syncNotice.managedProperty().bind(syncNotice.visibleProperty());
        atMostTwoLines(syncNotice);
        syncNotice.setAlignment(Pos.CENTER_RIGHT);
        root = new VBox(syncNotice, bar);
        root.setStyle("-fx-background-color: #eceff1;");
    }

    /** Wraps onto a second line; beyond two lines the end gives way, and the tooltip holds it all. */
    private static void atMostTwoLines(Label label) {
        label.setWrapText(true);
        label.maxHeightProperty()
                .bind(Bindings.createDoubleBinding(() -> label.getFont().getSize() * 2.9, label.fontProperty()));
        label.setTextOverrun(OverrunStyle.ELLIPSIS);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(label.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        label.setTooltip(whole);
    }

    Parent root() {
        return root;
    }
}
