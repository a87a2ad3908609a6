package org.reliefdesk.gui.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
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
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.model.Department;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.gui.common.Columns;
import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.tickets.WorkbenchView;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import javafx.concurrent.Task;
import javafx.scene.control.TableRow;
import org.slf4j.LoggerFactory;

/**
 * The county at a glance for leaders (read-only): tickets by department and state, overdue
 * and supervised tickets by department, tickets opened and concluded per week, and the
 * supervised and overdue tickets themselves — a double-click opens one in the workbench.
 */
public final class DashboardView {

    private static final Queue[] COLUMNS = {Queue.ALL, Queue.NEW, Queue.IN_PROGRESS, Queue.DUE_SOON,
        Queue.STEP_OVERDUE, Queue.SUPERVISED, Queue.CONCLUDED};
    private static final int WEEKS = 12;

    private final WorkbenchViewModel vm;
    private final Texts texts;
    private final Catalog catalog;
    private final GridPane counts = new GridPane();
    private final BarChart<String, Number> overdueChart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final LineChart<String, Number> weeklyChart = new LineChart<>(new CategoryAxis(), new NumberAxis());
    private final ObservableList<Ticket> late = FXCollections.observableArrayList();
    private final ScrollPane root;

    public DashboardView(WorkbenchViewModel vm, Texts texts, Catalog catalog, Consumer<Ticket> open) {
        this.vm = vm;
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
        table.setId("lateTable");
        table.setPrefHeight(320);
        table.setPlaceholder(new Label(texts.msg("workbench.empty")));
        table.getColumns().add(Columns.of(texts, "column.ticketNo", 160, Ticket::ticketNo));
        table.getColumns().add(Columns.of(texts, "detail.department", 80, t -> catalog.item(t.itemCode())
                .map(i -> catalog.departmentName(i.departmentCode(), texts.locale())).orElse("")));
        table.getColumns().add(Columns.of(texts, "column.item", 120, t -> catalog.itemName(t.itemCode(), texts.locale())));
        table.getColumns().add(Columns.of(texts, "column.township", 90, t -> t.township().name()));
        table.getColumns().add(Columns.of(texts, "column.daysOpen", 70, vm::daysOpen));
        table.getColumns().add(Columns.of(texts, "column.ladder", 90, t -> texts.msg("ladder." + vm.clock(t).shownState())));
        table.setRowFactory(v -> {
            TableRow<Ticket> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        HBox charts = new HBox(12, overdueChart, weeklyChart);
        HBox.setHgrow(overdueChart, Priority.ALWAYS);
        HBox.setHgrow(weeklyChart, Priority.ALWAYS);
        VBox box = new VBox(12, WorkbenchView.titled(texts.msg("dashboard.counts"), counts), charts,
                WorkbenchView.titled(texts.msg("dashboard.late"), table));
        box.setPadding(new Insets(12));
        root = new ScrollPane(box);
        root.setId("dashboardScroll");
        root.setFitToWidth(true);
        vm.allTickets().addListener((ListChangeListener<Ticket>) c -> refresh());
        refresh();
    }

    public Parent root() {
        return root;
    }

    /** What the dashboard shows, counted off the FX thread (a county can hold 100,000 tickets). */
    private record Figures(int total, long[][] counts, long[] stepOverdue, long[] supervised, Map<LocalDate, int[]> weeks,
                           List<Ticket> late) {
    }

    /** Which refresh is the latest; an older one that finishes late is dropped. */
    private int generation;

    /**
     * Recounts from the tickets and clocks the workbench already loaded (no extra database
     * reads): counted on the background thread, shown on the FX thread.
     */
    private void refresh() {
        List<Ticket> tickets = List.copyOf(vm.allTickets());
        int mine = ++generation;
        Task<Figures> task = new Task<>() {
            @Override
            protected Figures call() {
                return count(tickets);
            }
        };
        task.setOnSucceeded(e -> {
            if (mine == generation) {
                show(task.getValue());
            }
        });
        task.setOnFailed(e -> LoggerFactory.getLogger(DashboardView.class)
                .error("Counting the dashboard failed", task.getException()));
        vm.background().submit(task);
    }

    private Figures count(List<Ticket> tickets) {
        long started = System.nanoTime();
        List<Department> departments = catalog.departments();
        Map<String, Integer> index = new HashMap<>();
        departments.forEach(d -> index.put(d.code(), index.size()));
        long[][] counts = new long[departments.size()][COLUMNS.length];
        long[] stepOverdue = new long[departments.size()];
        long[] supervised = new long[departments.size()];
        List<Ticket> late = new ArrayList<>();
        for (Ticket t : tickets) {
            Integer d = catalog.item(t.itemCode()).map(i -> index.get(i.departmentCode())).orElse(null);
            var clock = vm.clock(t);
            LadderState state = clock.state();
            if (state == LadderState.SUPERVISED || state == LadderState.STEP_OVERDUE) {
                late.add(t);
            }
            if (d == null) {
                continue;
            }
            for (int c = 0; c < COLUMNS.length; c++) {
                if (COLUMNS[c].contains(t, clock)) {
                    counts[d][c]++;
                }
            }
            stepOverdue[d] += state == LadderState.STEP_OVERDUE ? 1 : 0;
            supervised[d] += state == LadderState.SUPERVISED ? 1 : 0;
        }
        late.sort(Comparator.comparingLong(vm::daysOpen).reversed());
        Figures f = new Figures(tickets.size(), counts, stepOverdue, supervised, weeks(tickets), late);
        LoggerFactory.getLogger(DashboardView.class).debug("Dashboard of {} tickets counted in {} ms",
                tickets.size(), (System.nanoTime() - started) / 1_000_000);
        return f;
    }

    private void show(Figures f) {
        counts.getChildren().clear();
        for (int c = 0; c < COLUMNS.length; c++) {
            counts.add(bold(texts.msg("queue." + COLUMNS[c].name(), "").replaceAll("[（(].*", "")), c + 1, 0);
        }
        XYChart.Series<String, Number> overdue = new XYChart.Series<>();
        overdue.setName(texts.msg("ladder.STEP_OVERDUE"));
        XYChart.Series<String, Number> supervised = new XYChart.Series<>();
        supervised.setName(texts.msg("ladder.SUPERVISED"));
        List<Department> departments = catalog.departments();
        for (int d = 0; d < departments.size(); d++) {
            Department dep = departments.get(d);
            String name = catalog.departmentName(dep.code(), texts.locale());
            counts.add(bold(name), 0, d + 1);
            for (int c = 0; c < COLUMNS.length; c++) {
                Label n = new Label(String.valueOf(f.counts()[d][c]));
                n.setId("count-" + dep.code() + "-" + COLUMNS[c].name());
                counts.add(n, c + 1, d + 1);
            }
            overdue.getData().add(new XYChart.Data<>(name, f.stepOverdue()[d]));
            supervised.getData().add(new XYChart.Data<>(name, f.supervised()[d]));
        }
        overdueChart.getData().setAll(List.of(overdue, supervised));
        weeklyChart.getData().setAll(series(f.weeks()));
        late.setAll(f.late());
    }

    /** Opened and concluded per week (Monday-based, China time) over the last 12 weeks. */
    private Map<LocalDate, int[]> weeks(List<Ticket> tickets) {
        LocalDate thisWeek = vm.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<LocalDate, int[]> weeks = new TreeMap<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            weeks.put(thisWeek.minusWeeks(i), new int[2]);
        }
        for (Ticket t : tickets) {
            bump(weeks, t.submittedAt(), 0);
            if (t.concludedAt() != null) {
                bump(weeks, t.concludedAt(), 1);
            }
        }
        return weeks;
    }

    private List<XYChart.Series<String, Number>> series(Map<LocalDate, int[]> weeks) {
        XYChart.Series<String, Number> opened = new XYChart.Series<>();
        opened.setName(texts.msg("dashboard.opened"));
        XYChart.Series<String, Number> concluded = new XYChart.Series<>();
        concluded.setName(texts.msg("dashboard.concluded"));
        weeks.forEach((week, n) -> {
            String label = week.getMonthValue() + "/" + week.getDayOfMonth();
            opened.getData().add(new XYChart.Data<>(label, n[0]));
            concluded.getData().add(new XYChart.Data<>(label, n[1]));
        });
        return List.of(opened, concluded);
    }

    private static void bump(Map<LocalDate, int[]> weeks, Instant at, int which) {
        LocalDate week = at.atZone(Formats.ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int[] n = weeks.get(week);
        if (n != null) {
            n[which]++;
        }
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
