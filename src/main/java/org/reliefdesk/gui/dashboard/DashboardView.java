package org.reliefdesk.gui.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.reliefdesk.gui.common.Columns;
import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.common.Panes;
import org.reliefdesk.gui.common.Rows;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.model.Department;
import org.reliefdesk.model.Ticket;

/**
 * The county at a glance for leaders (read-only): tickets by department and state, overdue
 * and supervised tickets by department, tickets opened and concluded per week, and the
 * supervised and overdue tickets themselves — a double-click opens one in the workbench.
 */
public final class DashboardView {

    private final DashboardViewModel model;
    private final WorkbenchViewModel vm;
    private final Texts texts;
    private final Catalog catalog;
    private final Label partial = new Label();
    private final GridPane counts = new GridPane();
    // Departments down the side: their names (long in English) read across instead of being
    // turned upright under the bars, where they took the chart's height.
    private final BarChart<Number, String> overdueChart = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final LineChart<String, Number> weeklyChart = new LineChart<>(new CategoryAxis(), new NumberAxis());
    private final ObservableList<Ticket> late = FXCollections.observableArrayList();
    private final ScrollPane root;

    public DashboardView(DashboardViewModel model, Texts texts, Catalog catalog, Consumer<Ticket> open) {
        this.model = model;
        this.vm = model.workbench();
        this.texts = texts;
        this.catalog = catalog;
        counts.setId("dashboardCounts");
        counts.setHgap(14);
        counts.setVgap(4);
        overdueChart.setId("overdueChart");
        overdueChart.setTitle(texts.msg("dashboard.overdueChart"));
        overdueChart.setAnimated(false);
        overdueChart.setPrefHeight(300);
        weeklyChart.setId("weeklyChart");
        weeklyChart.setTitle(texts.msg("dashboard.weeklyChart"));
        weeklyChart.setAnimated(false);
        weeklyChart.setPrefHeight(300);
        TableView<Ticket> table = new TableView<>(late);
        Rows.chosenOnEntry(table);
        table.setId("lateTable");
        table.setPrefHeight(320);
        table.setPlaceholder(new Label(texts.msg("workbench.empty")));
        Columns.shareWidth(table);
        table.getColumns().add(Columns.of(texts, "column.ticketNo", 160, Ticket::ticketNo));
        table.getColumns().get(0).setMinWidth(160); // the number stays whole
        table.getColumns()
                .add(Columns.of(
                        texts,
                        "detail.department",
                        Columns.roomFor(catalog.departments().stream()
                                .map(d -> catalog.departmentName(d.code(), texts.locale()))
                                .toList()),
                        t -> catalog.item(t.itemCode())
                                .map(i -> catalog.departmentName(i.departmentCode(), texts.locale()))
                                .orElse("")));
        table.getColumns()
                .add(Columns.of(
                        texts,
                        "column.item",
                        Columns.roomFor(catalog.items().stream()
                                .map(i -> catalog.itemName(i.code(), texts.locale()))
                                .toList()),
                        t -> catalog.itemName(t.itemCode(), texts.locale())));
        table.getColumns()
                .add(Columns.of(texts, "column.township", 90, t -> t.township().name()));
        table.getColumns().add(Columns.of(texts, "column.daysOpen", 60, vm::daysOpen));
        table.getColumns()
                .add(Columns.of(
                        texts,
                        "column.ladder",
                        90,
                        t -> texts.msg("ladder." + vm.clock(t).shownState())));
        Rows.opening(table, open);
        HBox charts = new HBox(12, overdueChart, weeklyChart);
        HBox.setHgrow(overdueChart, Priority.ALWAYS);
        HBox.setHgrow(weeklyChart, Priority.ALWAYS);
        partial.setId("dashboardPartial");
        partial.getStyleClass().add("calendar-warning");
        partial.managedProperty().bind(partial.visibleProperty());
        Label syncing = new Label(texts.msg("dashboard.syncing"));
        syncing.setId("dashboardSyncing");
        syncing.getStyleClass().add("calendar-warning");
        syncing.setWrapText(true);
        syncing.managedProperty().bind(syncing.visibleProperty());
        syncing.visibleProperty().bind(vm.incompleteProperty());
        VBox box = new VBox(
                12,
                syncing,
                partial,
                Panes.titled(texts.msg("dashboard.counts"), counts),
                charts,
                Panes.titled(texts.msg("dashboard.late"), table));
        box.setPadding(new Insets(12));
        root = new ScrollPane(box);
        root.setId("dashboardScroll");
        root.setFitToWidth(true);
        model.figuresProperty().addListener((o, a, f) -> show(f));
        if (model.figuresProperty().get() != null) {
            show(model.figuresProperty().get());
        }
    }

    public Parent root() {
        return root;
    }

    private void show(DashboardViewModel.Figures f) {
        partial.setText(texts.msg("dashboard.partial", f.total()));
        partial.setVisible(f.partial());
        counts.getChildren().clear();
        List<Queue> columns = DashboardViewModel.COLUMNS;
        for (int c = 0; c < columns.size(); c++) {
            counts.add(bold(texts.msg("queueName." + columns.get(c).name())), c + 1, 0);
        }
        XYChart.Series<Number, String> overdue = new XYChart.Series<>();
        overdue.setName(texts.msg("ladder.STEP_OVERDUE"));
        XYChart.Series<Number, String> supervised = new XYChart.Series<>();
        supervised.setName(texts.msg("ladder.SUPERVISED"));
        List<Department> departments = f.departments();
        long mostLate = 0;
        for (int d = 0; d < departments.size(); d++) {
            Department dep = departments.get(d);
            String name = catalog.departmentName(dep.code(), texts.locale());
            counts.add(bold(name), 0, d + 1);
            for (int c = 0; c < columns.size(); c++) {
                Label n = new Label(String.valueOf(f.counts()[d][c]));
                n.setId("count-" + dep.code() + "-" + columns.get(c).name());
                counts.add(n, c + 1, d + 1);
            }
            overdue.getData().add(new XYChart.Data<>(f.stepOverdue()[d], name));
            supervised.getData().add(new XYChart.Data<>(f.supervised()[d], name));
            mostLate = Math.max(mostLate, Math.max(f.stepOverdue()[d], f.supervised()[d]));
        }
        // a category axis up the side starts at the bottom: reversed, the first department is on top as in the table
        FXCollections.reverse(overdue.getData());
        FXCollections.reverse(supervised.getData());
        overdueChart.getData().setAll(List.of(overdue, supervised));
        CountScale.of(mostLate).applyTo((NumberAxis) overdueChart.getXAxis(), texts.locale());
        weeklyChart.getData().setAll(series(f.weeks()));
        long mostInAWeek = 0;
        for (int[] n : f.weeks().values()) {
            mostInAWeek = Math.max(mostInAWeek, Math.max(n[0], n[1]));
        }
        CountScale.of(mostInAWeek).applyTo((NumberAxis) weeklyChart.getYAxis(), texts.locale());
        late.setAll(f.late());
    }

    private List<XYChart.Series<String, Number>> series(Map<LocalDate, int[]> weeks) {
        XYChart.Series<String, Number> opened = new XYChart.Series<>();
        opened.setName(texts.msg("dashboard.opened"));
        XYChart.Series<String, Number> concluded = new XYChart.Series<>();
        concluded.setName(texts.msg("dashboard.concluded"));
        weeks.forEach((week, n) -> {
            String label = Formats.monthDay(week);
            opened.getData().add(new XYChart.Data<>(label, n[0]));
            concluded.getData().add(new XYChart.Data<>(label, n[1]));
        });
        return List.of(opened, concluded);
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
