package org.reliefdesk.gui.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.DemoUsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reports page's view model: scopes by role, the date rule, making and saving a report, without a window. */
class ReportsViewModelTest {

    @TempDir
    Path dir;

    @Test
    void aClerkReportsOnTheirDepartmentOnlyAndALeaderOnAnyScope() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir, 200)) {
            ReportsViewModel clerk = new ReportsViewModel(new WorkbenchViewModel(w, DemoUsers.WATER_CLERK));
            clerk.loadScopes();
            assertEquals(1, clerk.scopes().size());
            assertEquals("WATER", clerk.scopes().get(0).departmentCode());
            assertEquals(clerk.scopes().get(0), clerk.scopeProperty().get());
            ReportsViewModel leader = new ReportsViewModel(new WorkbenchViewModel(w, DemoUsers.LEADER));
            leader.loadScopes();
            // the county, 7 departments, 16 townships of the place directory
            assertEquals(1 + 7 + 16, leader.scopes().size());
            assertTrue(leader.issuesNotices());
            assertFalse(clerk.issuesNotices());
        }
    }

    @Test
    void aDateAfterTodayIsRefusedWithTheFieldAndRule() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir, 50)) {
            ReportsViewModel vm = new ReportsViewModel(new WorkbenchViewModel(w, DemoUsers.LEADER));
            vm.asOfProperty().set(TestWorkspaces.DAY.plusDays(1));
            assertTrue(
                    vm.dateErrorProperty().get().contains("统计日期"),
                    vm.dateErrorProperty().get());
            vm.asOfProperty().set(null);
            assertFalse(vm.dateErrorProperty().get().isEmpty());
            vm.asOfProperty().set(TestWorkspaces.DAY);
            assertEquals("", vm.dateErrorProperty().get());
        }
    }

    /** The leaders' one-page bulletin was "Made: 327 overdue tickets (262 supervised), 1 pages". */
    @Test
    void whatWasMadeIsCountedInEnglishWords() {
        Texts en = new Texts(Locale.ENGLISH);
        assertEquals("Made: 327 overdue tickets (262 supervised), 1 page", en.msg("reports.made", 327, 262L, 1));
        assertEquals("Made: 1 overdue ticket (0 supervised), 2 pages", en.msg("reports.made", 1, 0L, 2));
        assertEquals("已生成：超期工单 327 件（其中督办 262 件），共 1 页", new Texts(Texts.CHINESE).msg("reports.made", 327, 262L, 1));
    }

    @Test
    void aTypedTextThatIsNoDateIsNamedWithTheRule() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir, 50)) {
            ReportsViewModel vm = new ReportsViewModel(new WorkbenchViewModel(w, DemoUsers.LEADER));
            vm.asOfTextProperty().set("2026-13-45");
            vm.asOfProperty().set(null);
            assertEquals("统计日期：必须是日期，如 2024-10-01", vm.dateErrorProperty().get());
            vm.asOfTextProperty().set("");
            assertEquals("请选择统计日期", vm.dateErrorProperty().get());
        }
    }

    @Test
    void makesTheReportAndSavesItWhereThePersonChose() throws Exception {
        Path chosen = dir.resolve("out").resolve("report.xlsx");
        Files.createDirectories(chosen.getParent());
        AppConfig.FileSaver saver = (owner, name, extension) -> Optional.of(chosen);
        try (Workspace w = TestWorkspaces.demo(
                dir.resolve("data"), 300, Texts.CHINESE, AppConfig.Central.OFF, saver, owner -> List.of())) {
            ReportsViewModel vm = new ReportsViewModel(new WorkbenchViewModel(w, DemoUsers.LEADER));
            vm.loadScopes();
            vm.make();
            assertFalse(vm.busyProperty().get());
            assertNotNull(vm.reportProperty().get());
            assertFalse(vm.pagesProperty().get().size() == 0);
            assertTrue(vm.messageProperty()
                    .get()
                    .contains(String.valueOf(vm.reportProperty().get().rows().size())));
            vm.save(null, true);
            assertTrue(Files.size(chosen) > 1000, "the workbook was written");
            assertTrue(vm.messageProperty().get().contains(chosen.toString()));
        }
    }

    /**
     * A name typed in the save dialog that is a folder already: said with the file's trouble in the
     * person's language (was the system's English, "Directory not empty"), and the folder kept.
     */
    @Test
    void savingOverAFolderIsSaidInWordsAndTheFolderIsKept() throws Exception {
        Path chosen =
                Files.createDirectories(dir.resolve("超期报表.xlsx").resolve("旧文件")).getParent();
        AppConfig.FileSaver saver = (owner, name, extension) -> Optional.of(chosen);
        for (Locale language : List.of(Texts.CHINESE, Locale.ENGLISH)) {
            try (Workspace w = TestWorkspaces.demo(
                    dir.resolve("data-" + language), 50, language, AppConfig.Central.OFF, saver, owner -> List.of())) {
                ReportsViewModel vm = new ReportsViewModel(new WorkbenchViewModel(w, DemoUsers.LEADER));
                vm.loadScopes();
                vm.make();
                vm.save(null, true);
                String said = vm.messageProperty().get();
                assertEquals(
                        language == Texts.CHINESE
                                ? "无法保存 " + chosen + "：这是一个文件夹，不能作为文件保存。请换一个文件名。"
                                : "Cannot save " + chosen
                                        + ": that is a folder; it cannot be saved as a file. Choose another" + " name.",
                        said);
                assertFalse(vm.busyProperty().get());
            }
        }
        assertTrue(Files.isDirectory(chosen.resolve("旧文件")), "the folder and what it holds are kept");
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no part file is left");
        }
    }

    @Test
    void englishScopesAreSaidInEnglish() throws Exception {
        try (Workspace w = TestWorkspaces.demo(
                dir, 20, Locale.ENGLISH, AppConfig.Central.OFF, (o, n, e) -> Optional.empty(), o -> List.of())) {
            ReportsViewModel vm = new ReportsViewModel(new WorkbenchViewModel(w, DemoUsers.LEADER));
            vm.loadScopes();
            assertEquals("Whole county", vm.scopes().get(0).label());
        }
    }
}
