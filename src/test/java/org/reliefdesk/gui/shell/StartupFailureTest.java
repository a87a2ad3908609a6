package org.reliefdesk.gui.shell;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.CatalogException;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.store.DataDirectoryUnusableException;
import org.reliefdesk.store.DatabaseInUseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up dialog's words, without a window: the reader's language, never a library's English. */
class StartupFailureTest {

    private static final Path DATA = Path.of("/home/clerk/.local/share/reliefdesk");
    private static final Path FILE = DATA.resolve("db/reliefdesk.mv.db");

    @Test
    void aDatabaseInUseIsSaidAsSuchInEitherLanguage() {
        DatabaseInUseException inUse =
                new DatabaseInUseException(FILE, new IllegalStateException("The file is locked"));
        Texts zh = new Texts(Texts.CHINESE);
        String first = StartupFailure.storeNotOpened(zh, DATA, inUse);
        assertTrue(first.startsWith("本机数据库 " + FILE + " 正被另一个程序使用"), first);
        assertEquals(first, StartupFailure.text(zh, DATA, first, inUse), "said once, nothing added");
        String en = StartupFailure.storeNotOpened(Texts.forLanguage("en"), DATA, inUse);
        assertTrue(en.startsWith("This PC's database " + FILE + " is in use by another program"), en);
        assertFalse((first + en).contains("locked"), first + en);
    }

    @Test
    void aDataDirectoryThatIsNoFolderIsNamed() {
        String said = StartupFailure.storeNotOpened(
                new Texts(Texts.CHINESE), DATA, new DataDirectoryUnusableException(DATA, null));
        assertTrue(said.startsWith("数据目录 " + DATA + " 无法使用"), said);
    }

    /** Anything else: its id and the log file, which holds the stack trace under that id. */
    @Test
    void anUnforeseenFailureIsToldByItsIdAndTheLogFile() {
        Texts zh = new Texts(Texts.CHINESE);
        RuntimeException error = new IllegalStateException("secret SQL: SELECT * FROM ticket");
        String first = StartupFailure.storeNotOpened(zh, DATA, error);
        assertEquals("无法启动：数据目录 " + DATA + " 不可用。", first);
        String said = StartupFailure.text(zh, DATA, first, error);
        assertTrue(said.matches("(?s).*错误编号 E-[0-9A-F]{8}。.*"), said);
        assertTrue(said.contains(DATA.resolve("logs/reliefdesk.log").toString()), said);
        assertFalse(said.contains("secret SQL") || said.contains("IllegalStateException"), said);
    }

    /** The built-in catalog's fault names its file and entry: for whoever edits the catalog. */
    @Test
    void aBrokenCatalogIsNamedByFileAndEntry() {
        String said = StartupFailure.text(
                new Texts(Texts.CHINESE),
                DATA,
                "服务事项目录有误，程序无法启动。",
                new CatalogException("catalog.json: item W01 names an unknown step"));
        assertEquals("服务事项目录有误，程序无法启动。\n\ncatalog.json: item W01 names an unknown step", said);
    }
}
