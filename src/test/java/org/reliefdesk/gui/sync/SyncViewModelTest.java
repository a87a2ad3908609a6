package org.reliefdesk.gui.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.common.DirectUiTasks;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.sync.Synchronizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sync as the workbench shows it, without a window and without a network. */
class SyncViewModelTest {

    @TempDir
    Path dir;

    @Test
    void offlineIsSaidCalmlyAndTriedAgainLaterEachTime() throws Exception {
        try (Workspace w = TestWorkspaces.syncingOffline(dir, 300)) {
            WorkbenchViewModel vm = new WorkbenchViewModel(w, DemoUsers.WATER_CLERK);
            vm.reload();
            Ticket t = vm.list().all().stream()
                    .filter(x -> x.currentStep().equals("acceptance"))
                    .findFirst()
                    .orElseThrow();
            w.actions().act(t.id(), t.version(), DemoUsers.WATER_CLERK, "accept", Map.of("station", "屏山水务站"), "");
            List<Synchronizer.Changed> heard = new ArrayList<>();
            SyncViewModel sync = new SyncViewModel(w, DemoUsers.WATER_CLERK, "demo-password".toCharArray(), heard::add);
            DirectUiTasks tasks = (DirectUiTasks) w.tasks;

            sync.start();
            assertFalse(sync.runningProperty().get());
            assertTrue(
                    sync.statusProperty().get().contains("暂时连不上中央库"),
                    sync.statusProperty().get());
            assertTrue(
                    sync.statusProperty().get().contains("1 条修改"),
                    "the change waits: " + sync.statusProperty().get());
            assertTrue(
                    sync.statusProperty().get().contains("1 分钟后"),
                    sync.statusProperty().get());
            assertEquals(1, tasks.delayedCount(), "the next try is planned");
            tasks.runDelayed();
            assertTrue(
                    sync.statusProperty().get().contains("2 分钟后"),
                    sync.statusProperty().get());
            tasks.runDelayed();
            assertTrue(
                    sync.statusProperty().get().contains("4 分钟后"),
                    sync.statusProperty().get());
            assertTrue(heard.isEmpty(), "nothing changed on this PC");
            assertTrue(sync.holdsClient());
            sync.stop();
            assertEquals(0, tasks.delayedCount(), "a stopped sync plans nothing");
            assertFalse(sync.holdsClient(), "its connections and selector thread closed with the workbench");
            assertThrows(IOException.class, () -> sync.asUser((client, session) -> session));
            assertFalse(sync.holdsClient(), "a call after the workbench closed opens none again");
        }
    }

    @Test
    void aScopeNeverPulledToItsEndIsPartialUntilAPullReachesIt() throws Exception {
        try (Workspace w = TestWorkspaces.syncingOffline(dir, 50)) {
            SyncViewModel first = new SyncViewModel(w, DemoUsers.LEADER, "demo-password".toCharArray(), c -> {});
            first.start();
            assertTrue(first.catchingUpProperty().get(), "never pulled: what this PC holds is partial");
            assertTrue(first.statusProperty().get().contains("暂时连不上中央库"), "and stays so while offline");
            first.stop();

            w.store.syncFacts().markCaughtUp(DemoUsers.LEADER.username());
            SyncViewModel later = new SyncViewModel(w, DemoUsers.LEADER, "demo-password".toCharArray(), c -> {});
            later.start();
            assertFalse(later.catchingUpProperty().get(), "pulled to the end once: offline now is not partial");
            later.stop();
        }
    }

    /** What a sync found about the store is said in the person's language (beside "last sync"), and nothing for a usual sync. */
    @Test
    void aRestoredOrAnotherStoreIsSaidBesideTheLastSync() {
        Texts zh = new Texts(Texts.CHINESE);
        Texts en = Texts.forLanguage("en");
        Synchronizer.Report usual = report(false, 0);
        Synchronizer.Report another = report(true, 0);
        Synchronizer.Report restored = report(true, 3);
        assertEquals(Optional.empty(), said(usual, zh));
        assertEquals(Optional.of("14:02 中央库已更换或从备份恢复过，已从头拉取"), said(another, zh));
        assertEquals(Optional.of("14:02 中央库从备份恢复过，已重新发送 3 项操作"), said(restored, zh));
        assertEquals(
                Optional.of("At 14:02, 3 operations were sent again: the central store was restored from a backup"),
                said(restored, en));
        assertEquals(
                Optional.of("At 14:02, 1 operation was sent again: the central store was restored from a backup"),
                said(report(true, 1), en));
        assertEquals(
                "Sent again: 1 operation this PC had already synced, which the central store lost when it was restored"
                        + " from a backup (counted in the push above; any conflict is listed under Sync conflicts).",
                en.msg("sync.sentAgain", 1));
        Synchronizer.Report held = found(true, 0, 2, 0, 0, List.of());
        assertEquals(Optional.of("14:02 有 2 项修改属于另一个中央库，未推送到此库（连回该库时推送，或在“同步冲突”页放弃）"), said(held, zh));
        assertEquals(
                Optional.of("At 14:02, 1 change belongs to another central store: pushed when this PC syncs with it"
                        + " again, or discard on Sync conflicts"),
                said(found(false, 0, 1, 0, 0, List.of()), en));
        assertEquals(
                "Held: 1 change waiting on this PC belongs to another central store (made while this PC synced with"
                        + " it) and is not pushed to this one; it is pushed when this PC syncs with that store again,"
                        + " or it can be discarded on the Sync conflicts page of the workbench.",
                en.msg("sync.held", 1));
        assertTrue(en.msg("sync.held", 2).startsWith("Held: 2 changes waiting on this PC belong to"));
    }

    /** A line saying work is held goes once none is (given up on the conflicts page); any other stays for the session. */
    @Test
    void theHeldLineGoesWhenNothingIsHeldAnyMore() {
        Texts zh = new Texts(Texts.CHINESE);
        StoreNotice notice = new StoreNotice(DemoUsers.WATER_CLERK);
        Synchronizer.Report held = found(true, 0, 2, 0, 0, List.of());
        String heldLine = notice.after("", held, "14:02", zh);
        assertTrue(heldLine.contains("2 项修改属于另一个中央库"), heldLine);
        assertEquals(heldLine, notice.after(heldLine, held, "14:02", zh), "still held");
        assertEquals("", notice.after(heldLine, report(false, 0), "14:07", zh), "none held now");
        String startedOver = notice.after("", report(true, 0), "14:09", zh);
        assertEquals("14:09 中央库已更换或从备份恢复过，已从头拉取", startedOver);
        assertEquals(startedOver, notice.after(startedOver, report(false, 0), "14:12", zh), "stays for the session");
    }

    /**
     * Tickets only the store the PC left had, taken off it, are said once, before the held line
     * (which every sync says again while work is held) and before the start-over they follow.
     */
    @Test
    void ticketsTakenOffAsTheStoreChangedAreSaid() {
        Texts zh = new Texts(Texts.CHINESE);
        Texts en = Texts.forLanguage("en");
        Synchronizer.Report gone = found(true, 0, 1, 12, 0, List.of());
        assertEquals(Optional.of("14:02 本机已移除此前所连中央库的 12 件工单（现在所连的中央库没有它们）"), said(gone, zh));
        assertEquals(
                Optional.of("At 14:02, 1 ticket only the previous central store had was taken off this PC"),
                said(found(false, 0, 0, 1, 0, List.of()), en));
        assertKeptForTheSession(gone, zh);
        assertEquals(
                "Taken off this PC: 12 tickets of the central store it synced with before, which the one it syncs"
                        + " with now does not have (work of this PC still waiting on one keeps it here).",
                en.msg("sync.leftBehind", 12));
        assertEquals("已从本机移除此前所连中央库的 1 件工单，现在所连的中央库没有它（仍有本机修改待推送的工单留在本机）。", zh.msg("sync.leftBehind", 1));
    }

    /**
     * Pulled tickets this PC could not store are said to whoever pulled them (most clerks do not
     * see 系统管理, where they are listed), before what the sync found about the store's tickets.
     */
    @Test
    void pulledTicketsSetAsideAreSaidToWhoeverPulledThem() {
        Texts zh = new Texts(Texts.CHINESE);
        Texts en = Texts.forLanguage("en");
        Synchronizer.Report aside = found(true, 0, 1, 3, 2, List.of());
        assertEquals(Optional.of("14:02 拉取的 2 件工单本机无法保存，已搁置（原因列在“系统管理”页，请告知系统管理员）"), said(aside, zh));
        assertEquals(
                Optional.of("At 14:02, 1 pulled ticket could not be stored on this PC and was set aside (reasons on"
                        + " the Administration page: tell your administrator)"),
                said(found(false, 0, 0, 0, 1, List.of()), en));
        assertEquals(
                Optional.of("14:02 拉取的 2 件工单本机无法保存，已搁置（原因见“系统管理”页）"),
                StoreNotice.of(aside, "14:02", zh, true),
                "an administrator is not asked to tell one");
        assertEquals(
                "14:02 拉取的 2 件工单本机无法保存，已搁置（原因见“系统管理”页）",
                new StoreNotice(DemoUsers.ADMIN).after("", aside, "14:02", zh));
        assertEquals(
                Optional.of("At 14:02, 2 pulled tickets could not be stored on this PC and were set aside (reasons on"
                        + " the Administration page)"),
                StoreNotice.of(aside, "14:02", en, true));
        assertKeptForTheSession(aside, zh);
        assertEquals(
                "Set aside: 3 pulled tickets this PC could not store; the other tickets were pulled as usual. The"
                        + " reasons are listed on the Administration page of the workbench: tell your administrator.",
                en.msg("sync.setAside", 3));
        assertEquals("拉取的 1 件工单本机无法保存，已搁置，其余工单照常拉取；原因列在工作台的“系统管理”页，请告知系统管理员。", zh.msg("sync.setAside", 1));
    }

    /**
     * A holiday year of the central store this PC cannot read is said at every sync that finds it
     * (its deadlines are counted on its own calendar meanwhile), and goes once a sync finds it no more.
     */
    @Test
    void aHolidayYearThisPcCannotReadIsSaidWhileItIsSo() {
        Texts zh = new Texts(Texts.CHINESE);
        Texts en = Texts.forLanguage("en");
        List<Synchronizer.YearLeftOut> unreadable = List.of(new Synchronizer.YearLeftOut(
                2032,
                new InvalidFieldException(
                        "calendar", "rule.calendar.makeUpWeekday", 1, "makeUpWorkingDays[0]", "2032-09-28")));
        Synchronizer.Report leftOut = found(false, 0, 0, 0, 0, unreadable);
        assertEquals(
                Optional.of("14:02 中央库 2032 年的放假安排本机无法采用，时限仍按本机原有的安排计算（请告知系统管理员）"),
                said(leftOut, zh),
                "said at every sync while so");
        assertEquals(
                Optional.of(
                        "At 14:02, this PC could not use the central store's holiday arrangements for 2032: deadlines"
                                + " count on its own (tell your administrator)"),
                said(leftOut, en));
        StoreNotice notice = new StoreNotice(DemoUsers.WATER_CLERK);
        String line = notice.after("", leftOut, "14:02", zh);
        assertEquals(line.replace("14:02", "14:07"), notice.after(line, leftOut, "14:07", zh), "said again");
        String aside = notice.after(line, found(false, 0, 0, 0, 1, unreadable), "14:09", zh);
        assertTrue(aside.contains("1 件工单本机无法保存"), "what is said once is not hidden by it: " + aside);
        assertEquals(line.replace("14:02", "14:10"), notice.after(aside, leftOut, "14:10", zh), "then said again");
        assertEquals("", notice.after(line, report(false, 0), "14:12", zh), "mended: the line goes");
        // a store that sends a thousand years it cannot have (a hostile one at the PC's address): still one short line
        List<Synchronizer.YearLeftOut> many = new ArrayList<>();
        for (int y = 0; y < 1000; y++) {
            many.add(new Synchronizer.YearLeftOut(
                    3000 + y % 500, unreadable.get(0).why()));
        }
        String flood = said(found(false, 0, 0, 0, 0, many), zh).orElseThrow();
        assertTrue(flood.contains("中央库 3000、3001、3002 等 500 个年度的放假安排本机无法采用"), flood);
        assertTrue(flood.length() < 100, flood);
        String floodEn = said(found(false, 0, 0, 0, 0, many), en).orElseThrow();
        assertTrue(floodEn.contains("arrangements for 3000, 3001, 3002 and 497 more:"), floodEn);
        assertEquals("另有 997 个年度的放假安排同样无法采用（详见本机日志）。", zh.msg("sync.calendarLeftOutMore", 997));
        assertEquals(
                "Not used either: the central store's holiday arrangements for 1 more year (see this PC's log).",
                en.msg("sync.calendarLeftOutMore", 1));
        String cli = zh.msg(
                "sync.calendarLeftOut", 2032, zh.describe(unreadable.get(0).why()));
        assertTrue(cli.startsWith("中央库的 2032 年放假安排本机无法采用："), cli);
        assertTrue(cli.contains("2032-09-28"), "the reason, in the reader's words: " + cli);
        assertTrue(en.msg(
                        "sync.calendarLeftOut",
                        2032,
                        en.describe(unreadable.get(0).why()))
                .startsWith("Not used: the central store's holiday arrangements for 2032, which this PC cannot"
                        + " read: "));
    }

    /** A sync that found what the test names, and 10 tickets pulled (pushed: the operations sent again). */
    private static Synchronizer.Report found(
            boolean startedOver,
            int sentAgain,
            long held,
            int leftBehind,
            int setAside,
            List<Synchronizer.YearLeftOut> calendarLeftOut) {
        return new Synchronizer.Report(
                sentAgain,
                sentAgain,
                0,
                0,
                10,
                held,
                0,
                Synchronizer.Changed.everything(),
                startedOver,
                sentAgain,
                held,
                leftBehind,
                setAside,
                calendarLeftOut);
    }

    private static Synchronizer.Report report(boolean startedOver, int sentAgain) {
        return found(startedOver, sentAgain, 0, 0, 0, List.of());
    }

    /** The line said for {@code r} stays for the session: a usual sync after it does not take it away. */
    private static void assertKeptForTheSession(Synchronizer.Report r, Texts texts) {
        StoreNotice notice = new StoreNotice(DemoUsers.WATER_CLERK);
        String line = notice.after("", r, "14:02", texts);
        assertFalse(line.isEmpty());
        assertEquals(line, notice.after(line, report(false, 0), "14:07", texts), "stays for the session");
    }

    /** The line a clerk reads for {@code r} after a sync at 14:02. */
    private static Optional<String> said(Synchronizer.Report r, Texts texts) {
        return StoreNotice.of(r, "14:02", texts, false);
    }
}
