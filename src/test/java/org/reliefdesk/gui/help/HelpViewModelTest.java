package org.reliefdesk.gui.help;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.store.LocalBackups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help and 关于 without a window: the guide in each language, the version, where the data is, the last backup. */
class HelpViewModelTest {

    @TempDir
    Path dir;

    @Test
    void theGuideIsTheOneInDocsInTheUsersLanguage() throws Exception {
        try (Workspace zh = TestWorkspaces.demo(dir.resolve("zh"), 50)) {
            List<HelpViewModel.Block> guide = new HelpViewModel(zh.config, zh.tasks, null).guide();
            assertEquals(new HelpViewModel.Block(HelpViewModel.Block.Kind.TITLE, "救助工作台 使用说明"), guide.get(0));
            assertTrue(guide.stream()
                    .anyMatch(b -> b.kind() == HelpViewModel.Block.Kind.HEADING
                            && b.text().equals("办理工单")));
            assertTrue(guide.stream()
                            .filter(b -> b.kind() == HelpViewModel.Block.Kind.ITEM)
                            .count()
                    > 10);
        }
        try (Workspace en = TestWorkspaces.demo(
                dir.resolve("en"),
                50,
                Locale.ENGLISH,
                AppConfig.Central.OFF,
                (owner, name, ext) -> Optional.empty(),
                owner -> List.of())) {
            List<HelpViewModel.Block> guide = new HelpViewModel(en.config, en.tasks, null).guide();
            assertEquals("ReliefDesk user guide", guide.get(0).text());
            assertTrue(
                    guide.stream().noneMatch(b -> b.text().matches(".*[\\u4e00-\\u9fff]{3,}.*")),
                    "no Chinese sentences in English");
        }
    }

    @Test
    void theGuidesFewKindsOfLineAreRead() {
        assertEquals(
                List.of(
                        new HelpViewModel.Block(HelpViewModel.Block.Kind.TITLE, "标题"),
                        new HelpViewModel.Block(HelpViewModel.Block.Kind.HEADING, "一节"),
                        new HelpViewModel.Block(HelpViewModel.Block.Kind.ITEM, "一条"),
                        new HelpViewModel.Block(HelpViewModel.Block.Kind.TEXT, "一段话")),
                HelpViewModel.parse("# 标题\r\n\n## 一节\n  - 一条\n一段话\n"));
    }

    @Test
    void aboutSaysTheVersionTheDataTheCentralStoreAndTheLastBackup() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir, 50)) {
            HelpViewModel vm = new HelpViewModel(w.config, w.tasks, null);
            assertTrue(vm.version().matches("\\d+\\.\\d+\\.\\d+.*"), vm.version());
            assertEquals(dir.toAbsolutePath().toString(), vm.dataDir());
            assertEquals("不同步（本次启动设置为不连接中央库）", vm.central());

            vm.readLastBackup();
            assertTrue(
                    vm.lastBackupProperty().get().startsWith("尚无备份"),
                    vm.lastBackupProperty().get());

            Path backup = LocalBackups.backup(w.store, w.config.backupDir(), 3, w.config.clock());
            vm.readLastBackup();
            assertTrue(
                    vm.lastBackupProperty().get().contains(backup.toString()),
                    vm.lastBackupProperty().get());
            assertFalse(vm.lastBackupProperty().get().startsWith("尚无备份"));
        }
    }
}
