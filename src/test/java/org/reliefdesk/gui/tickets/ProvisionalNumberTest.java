package org.reliefdesk.gui.tickets;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.store.Outbox;
import org.reliefdesk.sync.Synchronizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ticket opened on a PC that syncs gets a provisional number, and the status line says so; once
 * the central store has numbered it, the line gives the number that counts, never the old one.
 */
class ProvisionalNumberTest {

    @TempDir
    Path dir;

    @Test
    void theNumberTheCentralStoreGaveReplacesTheProvisionalOneInTheStatusLine() throws Exception {
        try (Workspace w = workspace()) {
            WorkbenchViewModel vm = new WorkbenchViewModel(w, DemoUsers.WATER_CLERK);
            vm.reload();
            Ticket opened = open(vm);
            String provisional = opened.ticketNo();
            assertEquals(
                    "已新建工单 " + provisional + "（编号暂定，同步后由中央库确定）",
                    vm.messageProperty().get());

            String finalNo = "530128202611259999"; // another PC took the provisional one first
            numberedCentrally(w, opened, finalNo);
            vm.synced(Synchronizer.Changed.of(opened.id()));

            assertEquals(
                    "中央库已为新开的工单编号 " + finalNo + "（本机给的临时编号 " + provisional + " 不再使用）",
                    vm.messageProperty().get());
        }
    }

    @Test
    void aNumberKeptIsSaidConfirmedAndLaterWordsAreLeftAlone() throws Exception {
        try (Workspace w = workspace()) {
            WorkbenchViewModel vm = new WorkbenchViewModel(w, DemoUsers.WATER_CLERK);
            vm.reload();
            Ticket first = open(vm);
            numberedCentrally(w, first, first.ticketNo());
            vm.synced(Synchronizer.Changed.of(first.id()));
            assertEquals(
                    "工单 " + first.ticketNo() + " 已由中央库确认，编号不变",
                    vm.messageProperty().get());

            Ticket second = open(vm);
            vm.warn("导出失败：磁盘已满");
            numberedCentrally(w, second, "530128202611259998");
            vm.synced(Synchronizer.Changed.of(second.id()));
            assertEquals("导出失败：磁盘已满", vm.messageProperty().get(), "what was said since stays");
            assertTrue(vm.list().all().stream().anyMatch(t -> t.ticketNo().equals("530128202611259998")));
        }
    }

    private Workspace workspace() throws Exception {
        return TestWorkspaces.syncingOffline(dir, 300);
    }

    /** A clerk opens a water request for a resident (a new person each time). */
    private static Ticket open(WorkbenchViewModel vm) {
        Ticket any = vm.list().all().stream()
                .filter(t -> t.itemCode().equals("drinking_water"))
                .findFirst()
                .orElseThrow();
        List<Ticket> before = vm.snapshotProperty().get().tickets();
        vm.openTicket(new TicketOpening.Request(
                "drinking_water",
                any.county(),
                any.township(),
                any.village(),
                "王新" + before.size(),
                before.size() % 2 == 0 ? "530128198001010027" : "530128198001010043",
                "13800002222",
                IntakeChannel.RAISED_BY_PROXY,
                "邻居 王五",
                Map.of("problem", "cut_off", "description", "停水三天")));
        return vm.snapshotProperty().get().tickets().stream()
                .filter(t -> !before.contains(t))
                .findFirst()
                .orElseThrow(() -> new AssertionError(vm.messageProperty().get()));
    }

    /** The central store takes the opening and answers with the ticket under {@code number}, as a push's answer does. */
    private static void numberedCentrally(Workspace w, Ticket opened, String number) {
        Outbox.Entry op = w.store.outbox().pending(DemoUsers.WATER_CLERK.username(), 10).stream()
                .filter(e -> e.ticketId().equals(opened.id()))
                .findFirst()
                .orElseThrow();
        TicketHistory central =
                new TicketHistory(opened.withNumber(number), w.store.tickets().events(opened.id()));
        w.store
                .outbox()
                .record(
                        List.of(new Outbox.Answer(
                                op.opId(),
                                opened.id(),
                                Outbox.State.APPLIED,
                                null,
                                null,
                                new TicketLineCodec(w.catalog).write(central),
                                central)),
                        DemoUsers.WATER_CLERK.username(),
                        w.config.clock().instant());
    }
}
