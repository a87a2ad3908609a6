package org.reliefdesk.gui.signin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.central.CentralServer;
import org.reliefdesk.central.CentralStore;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.config.Settings;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.User;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The central store's address changed from the sign-in screen, without a window: a clerk whose
 * PC was set up with a wrong address (or whose county moved its store) can reach Settings only
 * after signing in, and cannot sign in there. What is typed is checked first; only a saved
 * address is used, and the settings file keeps everything else it held.
 */
class CentralAddressTest {

    @TempDir
    Path dir;

    @Test
    void anAddressTypedWrongIsNamedWithItsRuleAndNothingChanges() throws Exception {
        Path file = dir.resolve("cfg").resolve("settings.properties");
        Settings before =
                new Settings(dir.resolve("elsewhere"), "http://10.0.0.9:8787", 7, "zh", dir.resolve("bk"), "WARN");
        before.save(file);
        String saved = Files.readString(file);
        try (Workspace w = remote("http://10.0.0.9:8787")) {
            CentralAddress address = new CentralAddress(w, file);
            assertEquals("http://10.0.0.9:8787", address.typedProperty().get());
            for (String typed : List.of("10.1.2.3:8787", "embedded", "off", "ftp://10.1.2.3", "", "http://a b")) {
                address.typedProperty().set(typed);
                AtomicBoolean done = new AtomicBoolean();
                address.save(() -> done.set(true));
                assertFalse(done.get(), typed);
                assertEquals(
                        "中央库地址：须为以 http:// 或 https:// 开头的中央库地址，例如 http://10.1.2.3:8787",
                        address.problemProperty().get(),
                        typed);
                assertEquals("http://10.0.0.9:8787", w.centralUrl(), typed);
                assertEquals(saved, Files.readString(file), typed);
            }
        }
    }

    @Test
    void aSavedAddressIsUsedAtOnceAndKeptForTheNextStartWithEverythingElse() throws Exception {
        Path file = dir.resolve("cfg").resolve("settings.properties");
        Settings before = new Settings(
                dir.resolve("elsewhere"), "http://10.0.0.9:8787", 7, "zh", dir.resolve("bk"), "WARN", 30, 125);
        before.save(file);
        Clock clock = Clock.system(ChinaTime.ZONE);
        try (CentralStore central = CentralStore.open(
                        "jdbc:h2:file:"
                                + dir.resolve("central").resolve("central").toAbsolutePath(),
                        CatalogLoader.loadBuiltIn(),
                        clock);
                CentralServer server = CentralServer.start(central, "127.0.0.1", 0);
                Workspace w = remote(TestWorkspaces.nobodyListening())) {
            central.users().add(DemoUsers.WATER_CLERK, "secret-1234".toCharArray(), clock.instant());
            CentralAddress address = new CentralAddress(w, file);
            address.typedProperty().set("  " + server.url() + "  ");
            AtomicBoolean done = new AtomicBoolean();
            address.save(() -> done.set(true));

            assertTrue(done.get(), address.problemProperty().get());
            assertEquals("", address.problemProperty().get());
            assertEquals(server.url(), w.centralUrl());
            Settings after = Settings.load(file).orElseThrow();
            assertEquals(
                    new Settings(before.dataDir(), server.url(), 7, "zh", before.backupDir(), "WARN", 30, 125), after);

            AtomicReference<User> in = new AtomicReference<>();
            AtomicReference<String> refused = new AtomicReference<>();
            new SignInViewModel(w)
                    .signIn("water.clerk", "secret-1234".toCharArray(), s -> in.set(s.user()), refused::set);
            assertEquals(DemoUsers.WATER_CLERK, in.get(), refused.get());
        }
    }

    /** No settings file yet (started with --central): what this start runs with is saved, its data folder included. */
    @Test
    void withoutASettingsFileWhatThisStartRunsWithIsSaved() throws Exception {
        Path file = dir.resolve("cfg").resolve("settings.properties");
        try (Workspace w = remote("http://10.0.0.9:8787")) {
            CentralAddress address = new CentralAddress(w, file);
            address.typedProperty().set("https://county.example.cn");
            address.save(() -> {});
            Settings after = Settings.load(file).orElseThrow();
            assertEquals("https://county.example.cn", after.central());
            assertEquals(w.config.dataDir(), after.dataDir());
        }
    }

    /** The settings file cannot be written: said why, and the address in use stays the one saved before. */
    @Test
    void anAddressThatCannotBeSavedIsNotUsed() throws Exception {
        Path file = dir.resolve("cfg").resolve("settings.properties");
        Files.createDirectories(file); // a folder where the file should be
        try (Workspace w = remote("http://10.0.0.9:8787")) {
            CentralAddress address = new CentralAddress(w, file);
            address.typedProperty().set("http://10.1.2.3:8787");
            AtomicBoolean done = new AtomicBoolean();
            address.save(() -> done.set(true));
            assertFalse(done.get());
            assertTrue(
                    address.problemProperty().get().startsWith("设置没有保存："),
                    address.problemProperty().get());
            assertTrue(
                    address.problemProperty().get().contains("文件夹"),
                    address.problemProperty().get());
            assertEquals("http://10.0.0.9:8787", w.centralUrl());
        }
    }

    private Workspace remote(String url) throws Exception {
        return TestWorkspaces.demo(
                dir.resolve("pc"),
                5,
                Texts.CHINESE,
                AppConfig.Central.remote(url),
                (o, n, e) -> Optional.empty(),
                o -> List.of());
    }
}
