package org.reliefdesk.gui.shell;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.controlsfx.control.Notifications;
import org.reliefdesk.gui.admin.AdminView;
import org.reliefdesk.gui.admin.AdminViewModel;
import org.reliefdesk.gui.common.Focus;
import org.reliefdesk.gui.common.Panes;
import org.reliefdesk.gui.common.People;
import org.reliefdesk.gui.common.WindowPlace;
import org.reliefdesk.gui.dashboard.DashboardView;
import org.reliefdesk.gui.dashboard.DashboardViewModel;
import org.reliefdesk.gui.help.HelpViewModel;
import org.reliefdesk.gui.help.HelpWindow;
import org.reliefdesk.gui.reports.ReportsView;
import org.reliefdesk.gui.reports.ReportsViewModel;
import org.reliefdesk.gui.reports.TicketSheetWindow;
import org.reliefdesk.gui.settings.SettingsView;
import org.reliefdesk.gui.settings.SettingsViewModel;
import org.reliefdesk.gui.sync.ConflictsView;
import org.reliefdesk.gui.sync.ConflictsViewModel;
import org.reliefdesk.gui.sync.SyncViewModel;
import org.reliefdesk.gui.tickets.TicketsView;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.queue.DailyDigest;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.queue.WorkWatch;
import org.reliefdesk.logic.users.Capabilities;

/**
 * The main window's content for one signed-in user: the bar (who, the tickets' tools, sync,
 * switch user), one tab per page this role has, the status bar, and notices in the corner.
 * Pages that read much are made when first opened.
 */
final class MainWindow {

    /** The keys that turn to the next page, and to the page before, wherever the focus is. */
    private static final List<KeyCombination> NEXT_PAGE = List.of(
            new KeyCodeCombination(KeyCode.TAB, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN));

    private static final List<KeyCombination> PAGE_BEFORE = List.of(
            new KeyCodeCombination(KeyCode.TAB, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN));

    private final WorkbenchViewModel vm;
    private final SyncViewModel sync;
    private final Texts texts;
    private final BorderPane root = new BorderPane();
    /**
     * Puts the title back when the window is opened again. The stage outlives this page (the next
     * person's takes it): it holds only the weak one, so no way of leaving keeps the page alive.
     */
    private final ChangeListener<Boolean> openedAgain;

    private final WeakChangeListener<Boolean> openedAgainWeakly;

    private HelpWindow helpWindow;
    /** Notices told while the window was minimised, shown in its title. */
    private int waiting;

    MainWindow(WorkbenchViewModel vm, SyncViewModel sync, Texts texts, Catalog catalog, Runnable switchUser) {
        this.vm = vm;
        this.sync = sync;
        this.texts = texts;
        Capabilities can = vm.capabilities();
        TicketsView tickets = new TicketsView(vm, texts, catalog, sync.enabled());
        if (sync.enabled()) {
            vm.incompleteProperty().bind(sync.catchingUpProperty());
        }
        tickets.printSheetsWith(chosen -> TicketSheetWindow.open(root.getScene().getWindow(), vm, chosen));
        TabPane tabs = new TabPane();
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab ticketTab = new Tab(texts.msg("tab.tickets"), tickets.root());
        Tab reportsTab = new Tab(texts.msg("tab.reports"));
        reportsTab.setId("reportsTab");
        // Made when first opened: the page reads the county's townships.
        reportsTab.setOnSelectionChanged(e -> {
            if (reportsTab.isSelected() && reportsTab.getContent() == null) {
                reportsTab.setContent(new ReportsView(new ReportsViewModel(vm)).root());
            }
        });
        if (can.readsDashboard()) {
            // Leaders read the county at a glance; a double-click opens a ticket in the workbench.
            Tab dashboardTab = new Tab(texts.msg("tab.dashboard"));
            dashboardTab.setContent(new DashboardView(new DashboardViewModel(vm), texts, catalog, t -> {
                        tabs.getSelectionModel().select(ticketTab);
                        tickets.show(t);
                    })
                    .root());
            tabs.getTabs().add(dashboardTab);
        }
        // Clerks and township staff start on their tickets; reports beside them.
        tabs.getTabs().addAll(ticketTab, reportsTab);
        if (can.administers()) {
            tabs.getTabs().add(adminTab(catalog));
        }
        if (sync.enabled() && can.hasConflicts()) {
            // Changes the central store did not take, with both versions; the count is in the tab's name.
            Tab conflictsTab = new Tab();
            conflictsTab.setId("conflictsTab");
            conflictsTab
                    .textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> texts.msg("tab.conflicts", sync.unsettled().size()), sync.unsettled()));
            conflictsTab.setContent(new ConflictsView(new ConflictsViewModel(sync, vm)).root());
            tabs.getTabs().add(conflictsTab);
        }
        // This PC's settings, for every role (each PC is set up by whoever uses it).
        Tab settingsTab = new Tab(texts.msg("tab.settings"));
        settingsTab.setId("settingsTab");
        settingsTab.setOnSelectionChanged(e -> {
            if (settingsTab.isSelected() && settingsTab.getContent() == null) {
                settingsTab.setContent(new SettingsView(new SettingsViewModel(vm.config(), vm.tasks())).root());
            }
        });
        tabs.getTabs().add(settingsTab);
        root.setTop(toolbar(tickets, catalog, switchUser));
        root.setCenter(tabs);
        root.setBottom(new StatusBar(vm, sync, texts, this::help).root());
        WindowPlace.follow(root, vm.config().dataDir(), vm.user().username());
        Focus.shortcut(root, new KeyCodeCombination(KeyCode.F1), this::help);
        // Ctrl+Tab turns the page from anywhere in the window, caught before any control: the tab
        // pane turns pages only with the focus inside it, and the search box kept the keys to itself
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (NEXT_PAGE.stream().anyMatch(k -> k.match(e))) {
                turn(tabs, false);
                e.consume();
            } else if (PAGE_BEFORE.stream().anyMatch(k -> k.match(e))) {
                turn(tabs, true);
                e.consume();
            }
        });
        vm.alertsProperty().addListener((o, a, news) -> notify(news));
        vm.digestProperty().addListener((o, a, d) -> tellDigest(d));
        // the taskbar's "(3 条新提醒)" goes once the window is opened again
        openedAgain = (ob, was, now) -> {
            if (!now
                    && waiting > 0
                    && root.getScene() != null
                    && root.getScene().getWindow() instanceof Stage stage) {
                waiting = 0;
                stage.setTitle(texts.msg("app.titleWithUser", vm.user().displayName()));
            }
        };
        openedAgainWeakly = new WeakChangeListener<>(openedAgain);
        root.sceneProperty().addListener((o, was, scene) -> {
            if (was != null && was.getWindow() instanceof Stage stage) {
                stage.iconifiedProperty().removeListener(openedAgainWeakly);
            }
            if (scene != null && scene.getWindow() instanceof Stage stage) {
                stage.iconifiedProperty().addListener(openedAgainWeakly);
            }
        });
        root.getStylesheets()
                .add(MainWindow.class
                        .getResource("/org/reliefdesk/gui/workbench.css")
                        .toExternalForm());
    }

    /** The user guide and 关于 (F1); one window, brought to the front when already open. */
    private void help() {
        if (helpWindow == null) {
            helpWindow = new HelpWindow(
                    root.getScene().getWindow(),
                    new HelpViewModel(vm.config(), vm.tasks(), vm.workspace().centralUrl()),
                    texts);
        }
        helpWindow.show();
    }

    /** Users and the holiday calendar; an imported year recomputes every clock. */
    private Tab adminTab(Catalog catalog) {
        AdminViewModel model = AdminViewModel.of(vm, sync);
        AdminView admin = new AdminView(
                model, catalog, texts, vm.config(), vm.user(), vm.workspace().places());
        Tab adminTab = new Tab(texts.msg("tab.admin"), admin.root());
        adminTab.setId("adminTab");
        // read again each time it is opened: a sync since may have set tickets aside, or added users
        adminTab.setOnSelectionChanged(e -> {
            if (adminTab.isSelected()) {
                admin.refresh();
            }
        });
        return adminTab;
    }

    private HBox toolbar(TicketsView tickets, Catalog catalog, Runnable switchUser) {
        Label who = new Label(
                People.describe(vm.user(), texts, catalog, vm.workspace().places()));
        who.setStyle("-fx-font-weight: bold;");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button change = new Button(texts.msg("workbench.switchUser"));
        change.setId("switchUserButton");
        change.setOnAction(e -> switchUser.run());
        HBox bar = new HBox(10, who, spacer);
        bar.getChildren().addAll(tickets.tools());
        if (sync.enabled()) {
            SplitMenuButton syncButton = new SplitMenuButton();
            syncButton.setId("syncButton");
            syncButton.setText(texts.msg("sync.button"));
            syncButton.setOnAction(e -> sync.syncNow());
            MenuItem full = new MenuItem(texts.msg("sync.full"));
            full.setId("fullResyncItem");
            full.setOnAction(e -> sync.fullResync());
            syncButton.getItems().add(full);
            syncButton.disableProperty().bind(sync.runningProperty());
            ProgressBar progress = new ProgressBar();
            progress.setId("syncProgress");
            progress.setPrefWidth(110);
            progress.progressProperty().bind(sync.progressProperty());
            progress.visibleProperty().bind(sync.runningProperty());
            progress.managedProperty().bind(sync.runningProperty());
            bar.getChildren().addAll(syncButton, progress);
        }
        bar.getChildren().add(change);
        // At 1024 px every button keeps its whole label; the name and the search box give way
        // (the name ends in "…" and says it all in its tooltip).
        Panes.buttonsKeepWords(bar);
        who.setMinWidth(60);
        who.setTooltip(new Tooltip(who.getText()));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    /** A ControlsFX notice in the window's corner; clicking it opens "my tasks". */
    private void notify(WorkWatch.Alerts news) {
        if (news == null || root.getScene() == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        if (!news.newTasks().isEmpty()) {
            lines.add(texts.msg("notice.newTasks", news.newTasks().size(), sample(news.newTasks())));
        }
        if (!news.turnedDueSoon().isEmpty()) {
            lines.add(texts.msg("notice.dueSoon", news.turnedDueSoon().size(), sample(news.turnedDueSoon())));
        }
        if (!news.turnedStepOverdue().isEmpty()) {
            lines.add(
                    texts.msg("notice.stepOverdue", news.turnedStepOverdue().size(), sample(news.turnedStepOverdue())));
        }
        if (!news.turnedSupervised().isEmpty()) {
            lines.add(texts.msg("notice.supervised", news.turnedSupervised().size(), sample(news.turnedSupervised())));
        }
        tell(texts.msg("notice.title"), String.join("\n", lines), Queue.MY_TASKS, lines.size());
    }

    /** A leader's figures of the day, once a working day; clicking it opens the 督办 queue. */
    private void tellDigest(DailyDigest d) {
        if (d != null && root.getScene() != null) {
            tell(
                    texts.msg("notice.digestTitle"),
                    texts.msg(
                            "notice.digest",
                            d.open(),
                            d.dueSoon(),
                            d.stepOverdue(),
                            d.supervised(),
                            d.newlySupervised()),
                    Queue.SUPERVISED,
                    1);
        }
    }

    /**
     * A ControlsFX notice in the window's corner, opening {@code queue} when clicked. A minimised
     * window says it in its title, which the taskbar shows, until it is opened again.
     */
    private void tell(String title, String text, Queue queue, int count) {
        Stage stage = (Stage) root.getScene().getWindow();
        Notifications.create()
                .owner(stage)
                .title(title)
                .text(text)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(10))
                .onAction(e -> vm.list().queueProperty().set(queue))
                .showInformation();
        if (stage.isIconified()) {
            waiting += count;
            stage.setTitle(texts.msg(
                    "app.titleWaiting",
                    waiting,
                    texts.msg("app.titleWithUser", vm.user().displayName())));
        }
    }

    /** Up to three ticket numbers, then "等". */
    private String sample(List<String> numbers) {
        String shown = String.join(texts.msg("notice.separator"), numbers.subList(0, Math.min(3, numbers.size())));
        return numbers.size() > 3 ? texts.msg("notice.andMore", shown) : shown;
    }

    Parent root() {
        return root;
    }

    /**
     * The next page, or the one before; round from the last to the first, as the tab pane's own keys
     * go. The focus goes to the page's tabs, so Tab then walks into the page, not the top bar.
     */
    private static void turn(TabPane tabs, boolean back) {
        int count = tabs.getTabs().size();
        int at = tabs.getSelectionModel().getSelectedIndex();
        tabs.getSelectionModel().select((at + (back ? count - 1 : 1)) % count);
        tabs.requestFocus();
    }
}
