package org.reliefdesk.gui.dashboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.reliefdesk.gui.common.Latest;
import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.tickets.ScopeSnapshot;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Department;
import org.reliefdesk.model.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's county at a glance, counted from the snapshot the workbench already holds (no
 * extra reads), off the FX thread; a newer snapshot makes an older count stale.
 */
public final class DashboardViewModel {

    /** The columns of the counts table, in order. */
    public static final List<Queue> COLUMNS = List.of(
            Queue.ALL,
            Queue.NEW,
            Queue.IN_PROGRESS,
            Queue.DUE_SOON,
            Queue.STEP_OVERDUE,
            Queue.SUPERVISED,
            Queue.CONCLUDED);

    static final int WEEKS = 12;

    private static final Logger LOG = LoggerFactory.getLogger(DashboardViewModel.class);

    private final WorkbenchViewModel vm;
    private final Latest counting;
    private final ReadOnlyObjectWrapper<Figures> figures = new ReadOnlyObjectWrapper<>();

    public DashboardViewModel(WorkbenchViewModel vm) {
        this.vm = vm;
        this.counting = vm.tasks().latest();
        vm.snapshotProperty().addListener((o, a, s) -> recount(s));
        recount(vm.snapshotProperty().get());
    }

    /**
     * What the dashboard shows. {@code counts[d][c]}: tickets of department {@code d} in column
     * {@code c}; {@code weeks}: opened and concluded per week (Monday-based, China time);
     * {@code partial}: counted from the first screen only (the rest still arriving).
     */
    public record Figures(
            int total,
            List<Department> departments,
            long[][] counts,
            long[] stepOverdue,
            long[] supervised,
            Map<LocalDate, int[]> weeks,
            List<Ticket> late,
            boolean partial) {}

    private void recount(ScopeSnapshot s) {
        Catalog catalog = vm.catalog();
        LocalDate today = vm.today();
        counting.run(
                UiTasks.Lane.JOB,
                p -> count(s, catalog, today),
                figures::set,
                e -> LOG.error("Counting the dashboard failed", e));
    }

    /** The figures of a snapshot as of {@code today}. */
    static Figures count(ScopeSnapshot s, Catalog catalog, LocalDate today) {
        List<Department> departments = catalog.departments();
        Map<String, Integer> index = new HashMap<>();
        departments.forEach(d -> index.put(d.code(), index.size()));
        long[][] counts = new long[departments.size()][COLUMNS.size()];
        long[] stepOverdue = new long[departments.size()];
        long[] supervised = new long[departments.size()];
        List<Ticket> late = new ArrayList<>();
        for (Ticket t : s.tickets()) {
            TicketClock clock = s.clocks().get(t.id());
            if (clock == null) {
                continue;
            }
            LadderState state = clock.state();
            if (state == LadderState.SUPERVISED || state == LadderState.STEP_OVERDUE) {
                late.add(t);
            }
            Integer d = catalog.item(t.itemCode())
                    .map(i -> index.get(i.departmentCode()))
                    .orElse(null);
            if (d == null) {
                continue;
            }
            for (int c = 0; c < COLUMNS.size(); c++) {
                if (COLUMNS.get(c).contains(t, clock)) {
                    counts[d][c]++;
                }
            }
            stepOverdue[d] += state == LadderState.STEP_OVERDUE ? 1 : 0;
            supervised[d] += state == LadderState.SUPERVISED ? 1 : 0;
        }
        late.sort(Comparator.comparingLong((Ticket t) -> s.clocks().get(t.id()).openDays())
                .reversed());
        return new Figures(
                s.tickets().size(),
                departments,
                counts,
                stepOverdue,
                supervised,
                weeks(s.tickets(), today),
                List.copyOf(late),
                s.partial());
    }

    private static Map<LocalDate, int[]> weeks(List<Ticket> tickets, LocalDate today) {
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
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

    private static void bump(Map<LocalDate, int[]> weeks, Instant at, int which) {
        LocalDate week =
                at.atZone(ChinaTime.ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int[] n = weeks.get(week);
        if (n != null) {
            n[which]++;
        }
    }

    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public WorkbenchViewModel workbench() {
        return vm;
    }
}
