package org.reliefdesk.gui.settings;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.InvalidFieldException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A folder typed on the settings page: a character the system refuses in a path is named with the
 * field it was typed in (was the JDK's English for the data directory, whichever field it was in).
 * Linux refuses only NUL, which a paste can carry; Windows also refuses &lt;&gt;:"|?*.
 */
class TypedPathTest {

    @Test
    void aCharacterNoPathCanHoldIsNamedWithItsField() {
        InvalidFieldException e = assertThrows(
                InvalidFieldException.class, () -> SettingsForm.typedPath("settings.backupDir", "/home/clerk/备份\0"));
        assertEquals("settings.backupDir", e.field());
        assertEquals("备份文件夹：含有不能用在文件夹路径里的字符“U+0000”", new Texts(Texts.CHINESE).describe(e));
        assertEquals(
                "Backup folder: contains “U+0000”, which a folder path cannot hold",
                Texts.forLanguage("en").describe(e));
    }

    @Test
    void aTypedFolderIsTakenStrippedAndAbsolute() {
        assertEquals(Path.of("/home/clerk/数据"), SettingsForm.typedPath("settings.dataDir", "  /home/clerk/数据 "));
        assertEquals(Path.of("相对").toAbsolutePath(), SettingsForm.typedPath("settings.dataDir", "相对"));
    }
}
