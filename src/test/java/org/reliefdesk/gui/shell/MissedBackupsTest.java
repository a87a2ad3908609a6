package org.reliefdesk.gui.shell;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.common.DirectUiTasks;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.sample.DemoUsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The automatic backup that fails is said on the workbench (it was only logged: a backup folder on
 * a drive that went away failed quietly every day), without a window.
 */
class MissedBackupsTest {

    @TempDir
    Path dir;

    @Test
    void aFailedAutomaticBackupIsSaidOnTheWorkbenchOrHeldUntilOneShows() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir.resolve("data"), 20)) {
            Path folder = w.config.backupDir();
            Files.writeString(folder, "a file where the backup folder should be");
            MissedBackups missed = new MissedBackups(w.config.texts(), folder);
            WorkbenchViewModel[] showing = {null};
            w.startBackups(e -> missed.missed(e, showing[0]));
            String said = "自动备份到 " + folder + " 没有成功，二十四小时后会再试；备份文件夹可在“设置”中更换。" + "原因：这是一个文件，不是文件夹。请换一个文件夹。";

            ((DirectUiTasks) w.tasks).runPeriodic(); // behind the sign-in screen: held
            WorkbenchViewModel vm = new WorkbenchViewModel(w, DemoUsers.WATER_CLERK);
            missed.showOn(vm);
            assertEquals(said, vm.messageProperty().get());
            assertTrue(vm.messageIsProblemProperty().get());

            vm.messageProperty().set("");
            missed.showOn(vm);
            assertEquals("", vm.messageProperty().get(), "said once");

            showing[0] = vm; // a day later, on the workbench: said at once
            ((DirectUiTasks) w.tasks).runPeriodic();
            assertEquals(said, vm.messageProperty().get());
            assertEquals("a file where the backup folder should be", Files.readString(folder));
        }
    }
}
