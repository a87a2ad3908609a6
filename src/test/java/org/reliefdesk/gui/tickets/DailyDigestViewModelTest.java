package org.reliefdesk.gui.tickets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.queue.DailyDigest;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.sync.Synchronizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A leader's figures of the day: told at the first look in office hours, once a day, from the whole scope. */
class DailyDigestViewModelTest {

    @TempDir
    Path dir;

    @Test
    void aLeaderIsToldTheDaysFiguresOnceAClerkNever() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir, 300)) {
            WorkbenchViewModel leader = new WorkbenchViewModel(w, DemoUsers.LEADER);
            List<DailyDigest> told = new ArrayList<>();
            leader.digestProperty().addListener((o, a, d) -> told.add(d));
            leader.reload(); // 2026-11-25 (a Wednesday) at noon, China time
            assertEquals(1, told.size());
            DailyDigest d = told.get(0);
            assertEquals(TestWorkspaces.DAY, d.day());
            List<TicketClock> clocks =
                    leader.list().all().stream().map(leader::clock).toList();
            assertEquals(
                    clocks.stream()
                            .filter(c -> c.state() != LadderState.CONCLUDED)
                            .count(),
                    d.open());
            assertEquals(
                    clocks.stream()
                            .filter(c -> c.state() == LadderState.SUPERVISED)
                            .count(),
                    d.supervised());
            assertTrue(d.supervised() > 0 && d.stepOverdue() + d.dueSoon() > 0, "the sample county has late work");
            leader.reload();
            assertEquals(1, told.size(), "once a day");
            assertEquals(
                    "2026-11-25",
                    Files.readString(dir.resolve("prefs").resolve("leader.digest"))
                            .strip());

            WorkbenchViewModel again = new WorkbenchViewModel(w, DemoUsers.LEADER);
            again.reload();
            assertNull(again.digestProperty().get(), "a second start the same day tells nothing again");

            WorkbenchViewModel clerk = new WorkbenchViewModel(w, DemoUsers.WATER_CLERK);
            clerk.reload();
            assertNull(clerk.digestProperty().get(), "clerks get news of their own tasks, not the county's figures");
        }
    }

    @Test
    void withACentralStoreNothingIsToldBeforeTheFirstSyncHasEnded() throws Exception {
        try (Workspace w = TestWorkspaces.syncingOffline(dir, 200)) {
            WorkbenchViewModel leader = new WorkbenchViewModel(w, DemoUsers.LEADER);
            leader.reload();
            assertNull(leader.digestProperty().get(), "a first sync may still be bringing the county");
            leader.synced(Synchronizer.Changed.everything());
            assertEquals(TestWorkspaces.DAY, leader.digestProperty().get().day(), "told once the sync has ended");
        }
    }
}
