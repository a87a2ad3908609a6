package org.reliefdesk.gui.dashboard;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.sample.DemoUsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leader's dashboard counted from the workbench's snapshot, without a window. */
class DashboardViewModelTest {

    @TempDir
    Path dir;

    @Test
    void countsEveryTicketOnceByDepartmentAndAgreesWithTheQueues() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir, 400)) {
            WorkbenchViewModel vm = new WorkbenchViewModel(w, DemoUsers.LEADER);
            DashboardViewModel dashboard = new DashboardViewModel(vm);
            vm.reload();
            DashboardViewModel.Figures f = dashboard.figuresProperty().get();
            assertNotNull(f);
            assertFalse(f.partial());
            assertEquals(400, f.total());
            int all = DashboardViewModel.COLUMNS.indexOf(Queue.ALL);
            assertEquals(
                    400, Arrays.stream(f.counts()).mapToLong(row -> row[all]).sum(), "each ticket in one department");
            int supervised = DashboardViewModel.COLUMNS.indexOf(Queue.SUPERVISED);
            assertEquals(
                    vm.list().countProperty(Queue.SUPERVISED).get(),
                    Arrays.stream(f.counts()).mapToLong(row -> row[supervised]).sum());
            assertEquals(
                    Arrays.stream(f.supervised()).sum(),
                    Arrays.stream(f.counts()).mapToLong(r -> r[supervised]).sum());
            assertEquals(DashboardViewModel.WEEKS, f.weeks().size());
            assertTrue(f.late().stream().allMatch(t -> {
                LadderState s = vm.clock(t).state();
                return s == LadderState.SUPERVISED || s == LadderState.STEP_OVERDUE;
            }));
            for (int i = 1; i < f.late().size(); i++) {
                assertTrue(
                        vm.daysOpen(f.late().get(i - 1)) >= vm.daysOpen(f.late().get(i)), "longest open first");
            }
        }
    }
}
