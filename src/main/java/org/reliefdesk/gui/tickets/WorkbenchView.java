package org.reliefdesk.gui.tickets;

import java.util.List;


import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.css.PseudoClass;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.gui.sync.SyncViewModel;
import org.reliefdesk.gui.admin.AdminView;
import org.reliefdesk.gui.admin.Administration;
import org.reliefdesk.gui.common.ColumnPrefs;
import org.reliefdesk.gui.common.Columns;
import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.dashboard.DashboardView;
import org.reliefdesk.gui.reports.ReportsView;
import org.reliefdesk.gui.reports.ReportsViewModel;
import org.reliefdesk.gui.settings.SettingsView;
import org.reliefdesk.gui.signin.SignInView;
import org.reliefdesk.gui.sync.ConflictsView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.reliefdesk.logic.config.Settings;
import org.reliefdesk.logic.queue.WorkWatch;
import org.reliefdesk.model.Role;
import org.reliefdesk.report.ReportMaker;
import org.reliefdesk.report.TableWorkbook;
import org.reliefdesk.store.Outbox;

/** The main window's content. Builds controls and binds them to the view model; no logic. */
public final class WorkbenchView {

    private final WorkbenchViewModel vm;
    private final Texts texts;
    private final Catalog catalog;
    private final BorderPane root = new BorderPane();

    private final Runnable switchUser;
    private TableView<Ticket> table;
    /** Opens an action's form; the detail pane owns the dialog. */
    private Consumer<WorkbenchViewModel.ActionChoice> openAction = c -> { };

    private final SyncViewModel sync;

    public WorkbenchView(WorkbenchViewModel vm, SyncViewModel sync, Texts texts, Catalog catalog, Runnable switchUser) {
        this.switchUser = switchUser;
        this.sync = sync;
        this.vm = vm;
        this.texts = texts;
        this.catalog = catalog;
        TableView<Ticket> table = ticketTable();
        this.table = table;
        TicketDetailPane detail = new TicketDetailPane(vm, texts, catalog);
        openAction = detail::open;
        SplitPane split = new SplitPane(table, detail.root());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.66);
        root.setTop(toolbar());
        BorderPane tickets = new BorderPane(split);
        tickets.setLeft(queueList());
        TabPane tabs = new TabPane();
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab ticketTab = new Tab(texts.msg("tab.tickets"), tickets);
        Tab reportsTab = new Tab(texts.msg("tab.reports"));
        reportsTab.setId("reportsTab");
        // Made when first opened: the page reads the county's townships.
        reportsTab.setOnSelectionChanged(e -> {
            if (reportsTab.isSelected() && reportsTab.getContent() == null) {
                reportsTab.setContent(new ReportsView(new ReportsViewModel(vm, vm.background()), vm.background()).root());
            }
        });
        if (vm.user().role() == Role.LEADER || vm.user().role() == Role.ADMIN) {
            // Leaders read the county at a glance; a double-click opens a ticket in the workbench.
            Tab dashboardTab = new Tab(texts.msg("tab.dashboard"));
            dashboardTab.setContent(new DashboardView(vm, texts, catalog, t -> {
                tabs.getSelectionModel().select(ticketTab);
                vm.searchProperty().set("");
                vm.queueProperty().set(Queue.ALL);
                vm.selectedProperty().set(t);
            }).root());
            tabs.getTabs().addAll(dashboardTab, ticketTab, reportsTab);
            if (vm.user().role() == Role.ADMIN) {
                // Users and the holiday calendar; an imported year recomputes every clock.
                AdminView admin = new AdminView(
                        sync.enabled() ? Administration.central(sync, vm.store()) : Administration.local(vm.store(), catalog),
                        catalog, texts, vm.config(), vm.user(), vm::reload, vm.store().setAside()::list);
                Tab adminTab = new Tab(texts.msg("tab.admin"), admin.root());
                adminTab.setId("adminTab");
                // read again each time it is opened: a sync since may have set tickets aside, or added users
                adminTab.setOnSelectionChanged(e -> {
                    if (adminTab.isSelected()) {
                        admin.refresh();
                    }
                });
                tabs.getTabs().add(adminTab);
            }
        } else {
            // Clerks and township staff start on their tickets; reports beside them.
            tabs.getTabs().addAll(ticketTab, reportsTab);
        }
        if (sync.enabled() && vm.user().role() != Role.LEADER) {
            // Changes the central store did not take, with both versions; the count is in the tab's name.
            // Leaders change nothing, so they have none.
            Tab conflictsTab = new Tab();
            conflictsTab.setId("conflictsTab");
            conflictsTab.textProperty().bind(Bindings.createStringBinding(
                    () -> texts.msg("tab.conflicts", sync.unsettled().size()), sync.unsettled()));
            conflictsTab.setContent(new ConflictsView(sync, vm, texts, catalog).root());
            tabs.getTabs().add(conflictsTab);
        }
        // This PC's settings, for every role (each PC is set up by whoever uses it).
        Tab settingsTab = new Tab(texts.msg("tab.settings"));
        settingsTab.setId("settingsTab");
        settingsTab.setOnSelectionChanged(e -> {
            if (settingsTab.isSelected() && settingsTab.getContent() == null) {
                settingsTab.setContent(new SettingsView(vm.config(), texts, Settings.file()).root());
            }
        });
        tabs.getTabs().add(settingsTab);
        root.setCenter(tabs);
        root.setBottom(statusBar());
        vm.alertsProperty().addListener((o, a, news) -> notify(news));
        root.getStylesheets().add(WorkbenchView.class.getResource("/org/reliefdesk/gui/workbench.css").toExternalForm());
    }

    /**
     * "Export this queue": the table's visible columns and rows, in the order shown, to a
     * workbook (numbers as numbers, times as Excel dates); written off the FX thread.
     */
    private void exportTable() {
        String queueName = texts.msg("queue." + vm.queueProperty().get().name(), vm.visibleTickets().size());
        Optional<Path> file = vm.config().fileSaver().save(root.getScene().getWindow(),
                queueName.replaceAll("[（）()]", "-").replaceAll("-+$", "") + "-" + vm.today() + ".xlsx", "xlsx");
        if (file.isEmpty()) {
            return;
        }
        // What is shown, snapshot here; the cell values (plain computations on the tickets) and the
        // file are made off the FX thread — a county-wide table has 100,000 rows.
        List<TableColumn<Ticket, ?>> columns = List.copyOf(table.getVisibleLeafColumns());
        List<String> headers = columns.stream().map(TableColumn::getText).toList();
        List<Ticket> shown = List.copyOf(table.getItems());
        String title = texts.msg("report.export.title", queueName);
        String subtitle = texts.msg("report.export.subtitle",
                Formats.dateTime(vm.config().clock().instant()), shown.size());
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                List<List<Object>> rows = new ArrayList<>(shown.size());
                for (Ticket t : shown) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (TableColumn<Ticket, ?> c : columns) {
                        row.add(Formats.exportValue(c.getCellObservableValue(t) == null ? null
                                : c.getCellObservableValue(t).getValue()));
                    }
                    rows.add(row);
                }
                ReportMaker.atomically(file.get(), out -> TableWorkbook.write(
                        texts.msg("tab.tickets"), title, subtitle, headers, rows, out));
                return null;
            }
        };
        task.setOnSucceeded(e -> vm.messageProperty().set(texts.msg("workbench.exported", shown.size(), file.get())));
        task.setOnFailed(e -> vm.messageProperty().set(texts.msg("workbench.exportFailed", file.get(),
                String.valueOf(task.getException().getMessage()))));
        vm.background().submit(task);
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
        Notifications.create()
                .owner(root.getScene().getWindow())
                .title(texts.msg("notice.title"))
                .text(String.join("\n", lines))
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(10))
                .onAction(e -> vm.queueProperty().set(Queue.MY_TASKS))
                .showInformation();
    }

    /** Up to three ticket numbers, then "等". */
    private String sample(List<String> numbers) {
        String shown = String.join(texts.msg("notice.separator"), numbers.subList(0, Math.min(3, numbers.size())));
        return numbers.size() > 3 ? texts.msg("notice.andMore", shown) : shown;
    }

    private HBox toolbar() {
        Label who = new Label(SignInView.describe(vm.user(), texts, catalog));
        who.setStyle("-fx-font-weight: bold;");
        TextField search = TextFields.createClearableTextField();
        search.setId("searchField");
        search.setPromptText(texts.msg("workbench.searchPrompt"));
        search.setPrefColumnCount(28);
        search.textProperty().bindBidirectional(vm.searchProperty());
        Button refresh = new Button(texts.msg("workbench.refresh"));
        refresh.setId("refreshButton");
        refresh.setOnAction(e -> vm.reload());
        refresh.disableProperty().bind(vm.loadingProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.loadingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button change = new Button(texts.msg("workbench.switchUser"));
        change.setId("switchUserButton");
        change.setOnAction(e -> switchUser.run());
        Button export = new Button(texts.msg("workbench.export"));
        export.setId("exportButton");
        export.setOnAction(e -> exportTable());
        export.disableProperty().bind(Bindings.isEmpty(vm.visibleTickets()));
        HBox bar = new HBox(10, who, spacer, busy, search, refresh, export, change);
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
            bar.getChildren().add(bar.getChildren().indexOf(refresh) + 1, syncButton);
            bar.getChildren().add(bar.getChildren().indexOf(syncButton) + 1, progress);
        }
        if (vm.canOpenTickets()) {
            Button open = new Button(texts.msg("newTicket.button"));
            open.setId("newTicketButton");
            open.setOnAction(e -> NewTicketDialog.show(root.getScene().getWindow(), vm.user(), catalog, texts,
                    vm.opening(), DemoCounty.townships(), DemoCounty.COUNTY, vm::villagesOf, vm.today(),
                    vm.config())
                    .ifPresent(vm::openTicket));
            bar.getChildren().add(bar.getChildren().indexOf(search), open);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        search::requestFocus);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
                    if (!vm.loadingProperty().get()) {
                        vm.reload();
                    }
                });
            }
        });
        return bar;
    }

    private ListView<Queue> queueList() {
        ListView<Queue> list = new ListView<>();
        list.setId("queueList");
        list.getItems().setAll(Queue.values());
        list.setPrefWidth(200);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Queue q, boolean empty) {
                super.updateItem(q, empty);
                textProperty().unbind();
                if (empty || q == null) {
                    setText(null);
                } else {
                    // While only the newest tickets are shown the counts are not known yet: "…".
                    textProperty().bind(Bindings.createStringBinding(
                            () -> texts.msg("queue." + q.name(), vm.partialProperty().get() ? "…" : vm.countProperty(q).get()),
                            vm.countProperty(q), vm.partialProperty()));
                }
            }
        });
        // Township staff start on their tasks; everyone else on all their tickets.
        list.getSelectionModel().select(vm.user().role() == Role.TOWNSHIP ? Queue.MY_TASKS : Queue.ALL);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, q) -> {
            if (q != null) {
                vm.queueProperty().set(q);
            }
        });
        vm.queueProperty().set(list.getSelectionModel().getSelectedItem());
        vm.queueProperty().addListener((o, a, q) -> list.getSelectionModel().select(q));
        return list;
    }

    private TableView<Ticket> ticketTable() {
        TableView<Ticket> table = new TableView<>();
        table.setId("ticketTable");
        table.setPlaceholder(new Label(texts.msg("workbench.empty")));
        // a number given on this PC offline is provisional until the central store takes the ticket
        table.getColumns().add(Columns.of(texts, "column.ticketNo", 160, t -> vm.provisionalNumber(t)
                ? texts.msg("ticket.provisionalNo", t.ticketNo()) : t.ticketNo()));
        if (sync.enabled()) {
            // Blank when the central store has the ticket as shown; a word when it does not (yet).
            table.getColumns().add(Columns.of(texts, "column.sync", 58, t -> vm.syncState(t)
                    == Outbox.TicketSync.SYNCED ? "" : texts.msg("sync.state." + vm.syncState(t).name())));
        }
        table.getColumns().add(Columns.of(texts, "column.item", 105, t -> catalog.itemName(t.itemCode(), texts.locale())));
        table.getColumns().add(Columns.of(texts, "column.applicant", 190,
                t -> t.applicant().name() + "  " + t.applicant().maskedIdNumber()));
        table.getColumns().add(Columns.of(texts, "column.township", 80, t -> t.township().name()));
        table.getColumns().add(Columns.of(texts, "column.submitted", 120, t -> Formats.dateTime(t.submittedAt())));
        TableColumn<Ticket, Long> days = Columns.of(texts, "column.daysOpen", 60, vm::daysOpen);
        days.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(days);
        table.getColumns().add(Columns.of(texts, "column.step", 80, t -> catalog.stepName(t.currentStep(), texts.locale())));
        table.getColumns().add(Columns.of(texts, "column.status", 65, t -> texts.msg("status." + t.status().name())));
        table.getColumns().add(Columns.of(texts, "column.ladder", 90, t -> texts.msg("ladder." + vm.clock(t).shownState())));

        table.setRowFactory(v -> new LadderRow());
        ColumnPrefs.attach(table, vm.config().dataDir(), vm.user().username(), "tickets");
        // Enter opens the ticket's usual next action (the first one this user may take).
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                vm.actionChoices().stream().filter(c -> c.refusal() == null).findFirst()
                        .ifPresent(c -> openAction.accept(c));
                e.consume();
            }
        });
        SortedList<Ticket> sorted = new SortedList<>(vm.visibleTickets());
        // A sorted column wins; otherwise the queue's own order (my tasks: soonest deadline first).
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(
                () -> table.getSortOrder().isEmpty() ? vm.defaultOrder() : table.getComparator(),
                table.comparatorProperty(), table.getSortOrder(), vm.queueProperty()));
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null || !vm.loadingProperty().get()) {
                vm.selectedProperty().set(t);
            }
        });
        vm.selectedProperty().addListener((o, a, t) -> {
            if (t != null && table.getSelectionModel().getSelectedItem() != t) {
                table.getSelectionModel().select(t);
                table.scrollTo(t);
            }
        });
        return table;
    }


    private HBox statusBar() {
        Label user = new Label(texts.msg("statusBar.user", vm.user().displayName(), vm.user().username()));
        Label dataDir = new Label(texts.msg("statusBar.dataDir", vm.config().dataDir()));
        Label count = new Label();
        count.setId("ticketCount");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> vm.partialProperty().get() ? texts.msg("statusBar.countPartial", vm.allTickets().size())
                        : texts.msg("statusBar.count", vm.visibleTickets().size(), vm.allTickets().size()),
                vm.visibleTickets(), vm.allTickets(), vm.partialProperty()));
        Label error = new Label();
        error.textProperty().bind(Bindings.when(vm.errorProperty().isNotEmpty()).then(vm.errorProperty())
                .otherwise(vm.messageProperty()));
        error.setId("statusMessage");
        error.setStyle("-fx-text-fill: #b00020;");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label syncStatus = new Label();
        syncStatus.setId("syncStatus");
        syncStatus.textProperty().bind(sync.statusProperty());
        HBox bar = new HBox(18, user, dataDir, error, spacer, syncStatus, count);
        bar.setId("statusBar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setStyle("-fx-background-color: #eceff1;");
        return bar;
    }

    public Parent root() {
        return root;
    }

    /** Marks a row by where its ticket stands on the supervision ladder (colours in workbench.css). */
    private final class LadderRow extends TableRow<Ticket> {
        private static final PseudoClass DUE_SOON = PseudoClass.getPseudoClass("due-soon");
        private static final PseudoClass STEP_OVERDUE = PseudoClass.getPseudoClass("step-overdue");
        private static final PseudoClass SUPERVISED = PseudoClass.getPseudoClass("supervised");

        @Override
        protected void updateItem(Ticket t, boolean empty) {
            super.updateItem(t, empty);
            LadderState state = empty || t == null ? null : vm.clock(t).state();
            pseudoClassStateChanged(DUE_SOON, state == LadderState.DUE_SOON);
            pseudoClassStateChanged(STEP_OVERDUE, state == LadderState.STEP_OVERDUE);
            pseudoClassStateChanged(SUPERVISED, state == LadderState.SUPERVISED);
        }
    }

    public static VBox titled(String title, Node content) {
        Label label = new Label(title);
        label.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 2 0;");
        VBox box = new VBox(4, label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }
}
