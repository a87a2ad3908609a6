package org.reliefdesk.gui.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;
import org.reliefdesk.store.SetAside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administrator's page on a PC without a central store, without a window. */
class AdminViewModelTest {

    @TempDir
    Path dir;

    @Test
    void addsAUserAndSaysSoOrSaysWhichFieldIsWrong() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir, 10)) {
            AtomicBoolean calendarChanged = new AtomicBoolean();
            AdminViewModel vm = onThisPc(w, calendarChanged);
            int before = vm.users().size();
            AtomicBoolean emptied = new AtomicBoolean();
            vm.add(
                    new User("health.clerk", "孙卫康", Role.CLERK, "530128", "HEALTH", null),
                    new char[0],
                    () -> emptied.set(true));
            assertFalse(vm.usersSaidProperty().get().refused());
            assertTrue(vm.usersSaidProperty().get().text().contains("孙卫康"));
            assertTrue(emptied.get(), "the form is emptied for the next person");
            assertEquals(before + 1, vm.users().size(), "the list is read again");

            vm.add(new User("x y", "", Role.CLERK, "530128", null, null), new char[0], () -> {});
            assertTrue(vm.usersSaidProperty().get().refused());
            assertTrue(
                    vm.usersSaidProperty().get().text().contains("登录名"),
                    vm.usersSaidProperty().get().text());
            assertEquals(before + 1, vm.users().size(), "nothing added");
            assertFalse(calendarChanged.get());
        }
    }

    @Test
    void aFileThatIsNotAHolidayYearIsRefusedAndNothingChanges() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"year\": \"twenty\"}");
        try (Workspace w = TestWorkspaces.demo(
                dir.resolve("data"),
                10,
                Texts.CHINESE,
                AppConfig.Central.OFF,
                (o, n, e) -> Optional.empty(),
                owner -> List.of(bad))) {
            AtomicBoolean calendarChanged = new AtomicBoolean();
            AdminViewModel vm = onThisPc(w, calendarChanged);
            int years = vm.years().size();
            vm.importYear(null);
            assertTrue(vm.calendarSaidProperty().get().refused());
            // the entry and the rule in the administrator's language, no English sentence inside
            assertEquals(
                    "放假安排文件：格式版本（formatVersion）须为 1",
                    vm.calendarSaidProperty().get().text());
            assertFalse(calendarChanged.get());
            assertEquals(years, vm.years().size());
        }
    }

    /** A faulty holiday file in the data directory is named on the page, with its rule, until it is put right. */
    @Test
    void aHolidayFileLeftOutIsNamedWithItsRule() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir.resolve("data"), 10)) {
            Path file = CalendarLoader.directoryIn(w.config.dataDir()).resolve("2030.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{\"formatVersion\": 1,\n \"year\": 2030,,}");
            AdminViewModel vm = onThisPc(w, new AtomicBoolean());
            assertEquals(
                    "未使用 " + file + "，该年按程序自带的安排（没有则按周一至周五）计算。放假安排文件：不是有效的 JSON（约在第 2 行第 15 列）",
                    vm.calendarLeftOutProperty().get());
            assertTrue(vm.years().stream().anyMatch(y -> y.year() == 2026), "the other years are listed");

            Files.delete(file);
            vm.refresh();
            assertEquals("", vm.calendarLeftOutProperty().get(), "put right: nothing said");
        }
    }

    /**
     * A ticket set aside whose line is too damaged to read its number from says so in the number's
     * column, rather than leaving it blank beside a hint that asks for the number.
     */
    @Test
    void aTicketSetAsideWithoutAReadableNumberSaysSo() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir, 10)) {
            Instant at = Instant.parse("2026-12-08T01:01:00Z");
            InvalidFieldException why = new InvalidFieldException("line", "rule.json");
            List<SetAside.Entry> aside = List.of(
                    new SetAside.Entry(UUID.randomUUID(), null, "county.admin", why, "{\"id\": \"x:", at),
                    new SetAside.Entry(UUID.randomUUID(), "530128202612080009", "county.admin", why, "{}", at));
            AdminViewModel vm = new AdminViewModel(
                    Administration.local(w.store, w.catalog), w.config, w.tasks, () -> {}, () -> aside);
            vm.refresh();
            assertEquals(
                    List.of("无法读出（整行已损坏）", "530128202612080009"),
                    vm.setAside().stream()
                            .map(AdminViewModel.AsideRow::ticketNo)
                            .toList());
            assertEquals(
                    "(cannot be read: the line is damaged)",
                    Texts.forLanguage("en").msg("admin.setAsideNoNumber"));
        }
    }

    /** The page of a PC without a central store, read once. */
    private static AdminViewModel onThisPc(Workspace w, AtomicBoolean calendarChanged) {
        AdminViewModel vm = new AdminViewModel(
                Administration.local(w.store, w.catalog),
                w.config,
                w.tasks,
                () -> calendarChanged.set(true),
                w.store.setAside()::list);
        vm.refresh();
        return vm;
    }
}
