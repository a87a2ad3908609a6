package org.reliefdesk.gui.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.config.Settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** This PC's settings: what a start without a file runs with, saved and read back. */
class SettingsViewModelTest {

    @TempDir
    Path dir;

    @Test
    void withoutAFileTheRunningSettingsThenWhatWasSaved() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir.resolve("data"), 5)) {
            Path file = dir.resolve("settings.properties");
            SettingsViewModel vm = new SettingsViewModel(w.config, w.tasks, file);
            AtomicReference<Settings> read = new AtomicReference<>();
            vm.read(read::set);
            assertEquals(w.config.dataDir(), read.get().dataDir());
            assertEquals(Settings.OFF, read.get().central());
            assertEquals("zh", read.get().language());

            Settings english = new Settings(
                    read.get().dataDir(),
                    Settings.OFF,
                    read.get().syncMinutes(),
                    "en",
                    read.get().backupDir(),
                    "INFO");
            vm.save(english);
            assertTrue(Files.exists(file));
            assertFalse(vm.failedProperty().get());
            assertTrue(
                    vm.messageProperty().get().contains(file.toString()),
                    vm.messageProperty().get());
            vm.read(read::set);
            assertEquals("en", read.get().language());
        }
    }

    /** Settings that cannot be written are said with the file's trouble, in words, and the running settings stay. */
    @Test
    void settingsThatCannotBeWrittenSaySoInWords() throws Exception {
        try (Workspace w = TestWorkspaces.demo(dir.resolve("data"), 5)) {
            Path folder = Files.createDirectories(
                            dir.resolve("settings.properties").resolve("inside"))
                    .getParent();
            SettingsViewModel vm = new SettingsViewModel(w.config, w.tasks, folder);
            AtomicReference<Settings> read = new AtomicReference<>();
            vm.read(read::set);
            vm.save(read.get());
            assertEquals(
                    "设置没有保存：" + folder + " 是一个文件夹，不能作为文件保存。",
                    vm.messageProperty().get());
            assertTrue(vm.failedProperty().get(), "said as a refusal");
            assertTrue(Files.isDirectory(folder.resolve("inside")), "nothing there was touched");
        }
    }
}
