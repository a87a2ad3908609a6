package org.reliefdesk.logic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.config.Settings;
import org.reliefdesk.model.InvalidFieldException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void savedSettingsComeBackAsTheyWere() throws Exception {
        Path file = dir.resolve("cfg").resolve("settings.properties");
        assertTrue(Settings.load(file).isEmpty(), "a PC never set up has no settings");
        Settings s = new Settings(dir.resolve("数据"), "http://10.1.2.3:8787", 15, "en", dir.resolve("bk"), "DEBUG");
        s.save(file);
        assertEquals(s, Settings.load(file).orElseThrow());
        assertTrue(Files.readString(file).contains("syncMinutes=15"));
        assertEquals(Settings.DEFAULT_LOCK_MINUTES, s.lockMinutes(), "an older settings file locks after 15 minutes");

        Settings never = new Settings(dir, Settings.EMBEDDED, 5, "zh", dir.resolve("bk"), "INFO", 0);
        never.save(file);
        assertEquals(0, Settings.load(file).orElseThrow().lockMinutes(), "0: never locks");
        InvalidFieldException tooLong = assertThrows(
                InvalidFieldException.class,
                () -> new Settings(dir, Settings.EMBEDDED, 5, "zh", dir, "INFO", 481).checked());
        assertEquals("settings.lockMinutes", tooLong.field());
        assertEquals("rule.range", tooLong.rule());
    }

    @Test
    void theScreenScaleIsKeptAndOnlyTheOfferedScalesAreTaken() throws Exception {
        Path file = dir.resolve("settings.properties");
        new Settings(dir, Settings.EMBEDDED, 5, "zh", dir, "INFO").save(file);
        assertEquals(0, Settings.load(file).orElseThrow().uiScale(), "an older settings file follows the system");
        new Settings(dir, Settings.EMBEDDED, 5, "zh", dir, "INFO", 15, 150).save(file);
        assertEquals(150, Settings.load(file).orElseThrow().uiScale());
        assertTrue(Files.readString(file).contains("uiScale=150"));
        InvalidFieldException odd = assertThrows(
                InvalidFieldException.class,
                () -> new Settings(dir, Settings.EMBEDDED, 5, "zh", dir, "INFO", 15, 130).checked());
        assertEquals("settings.uiScale", odd.field());
        assertEquals("rule.oneOf", odd.rule());
        Files.writeString(file, Files.readString(file).replace("uiScale=150", "uiScale=big"));
        InvalidFieldException typed = assertThrows(InvalidFieldException.class, () -> Settings.load(file));
        assertEquals("settings.uiScale", typed.field(), "a hand-edited file names the setting");
    }

    @Test
    void eachBadSettingIsNamedWithItsRule() {
        Settings ok = new Settings(dir, Settings.EMBEDDED, 5, "zh", dir.resolve("bk"), "INFO");
        assertEquals(ok, ok.checked());
        assertEquals(
                Settings.OFF,
                new Settings(dir, Settings.OFF, 5, "zh", dir, "INFO").checked().central());
        InvalidFieldException url = assertThrows(
                InvalidFieldException.class, () -> new Settings(dir, "10.1.2.3:8787", 5, "zh", dir, "INFO").checked());
        assertEquals("settings.central", url.field());
        assertEquals("rule.settings.url", url.rule());
        assertEquals(
                "settings.syncMinutes",
                assertThrows(
                                InvalidFieldException.class,
                                () -> new Settings(dir, Settings.EMBEDDED, 0, "zh", dir, "INFO").checked())
                        .field());
        assertEquals(
                "settings.language",
                assertThrows(
                                InvalidFieldException.class,
                                () -> new Settings(dir, Settings.EMBEDDED, 5, "fr", dir, "INFO").checked())
                        .field());
        assertEquals(
                "settings.logLevel",
                assertThrows(
                                InvalidFieldException.class,
                                () -> new Settings(dir, Settings.EMBEDDED, 5, "zh", dir, "LOUD").checked())
                        .field());
        // nothing half-written: a refused save leaves the old file as it was
        Path file = dir.resolve("settings.properties");
        assertThrows(InvalidFieldException.class, () -> new Settings(dir, "nope", 5, "zh", dir, "INFO").save(file));
        assertTrue(Files.notExists(file));
    }

    @Test
    void theFileLivesWhereEachSystemKeepsSettings() {
        assertEquals(
                Path.of("C:\\Users\\li\\AppData\\Roaming", "ReliefDesk", "settings.properties"),
                Settings.fileFor("Windows 10", "C:\\Users\\li", Map.of("APPDATA", "C:\\Users\\li\\AppData\\Roaming")));
        assertEquals(
                Path.of("/home/li/.config/reliefdesk/settings.properties"),
                Settings.fileFor("Linux", "/home/li", Map.of()));
        assertEquals(
                Path.of("/x/reliefdesk/settings.properties"),
                Settings.fileFor("Linux", "/home/li", Map.of("XDG_CONFIG_HOME", "/x")));
    }
}
