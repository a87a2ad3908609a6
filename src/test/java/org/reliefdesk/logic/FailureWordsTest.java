package org.reliefdesk.logic;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.config.DataDirectory;
import org.reliefdesk.logic.i18n.Texts;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failure said in the reader's language: its own words, a file's trouble, or the program's error id. */
class FailureWordsTest {

    private static final Texts ZH = new Texts(Texts.CHINESE);
    private static final Texts EN = Texts.forLanguage("en");

    private final Logger log = (Logger) LoggerFactory.getLogger(FailureWordsTest.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        log.detachAppender(logged);
        System.clearProperty(DataDirectory.LOG_DIR);
    }

    /** What a person could do nothing with (SQL, a class name) stays in the log under an id they are given. */
    @Test
    void anUnforeseenFailureIsTheProgramsToldByAnIdTheLogHolds() {
        RuntimeException e =
                new RuntimeException(new IllegalStateException("Syntax error in SQL: SELECT * FROM ticket"));
        String zh = FailureWords.of(ZH, log, "Saving failed", e);
        Matcher id = Pattern.compile("^程序出错（错误编号 (E-[0-9A-F]{8})）。详情已写入日志，请把日志交给技术人员。$")
                .matcher(zh);
        assertTrue(id.matches(), zh);
        assertFalse(zh.contains("SELECT") || zh.contains("IllegalState"), zh);
        ILoggingEvent line = logged.list.get(0);
        assertTrue(line.getFormattedMessage().contains(id.group(1)), line.getFormattedMessage());
        assertSame(e, ((ch.qos.logback.classic.spi.ThrowableProxy) line.getThrowableProxy()).getThrowable());
        assertTrue(line.getMarkerList().contains(ErrorIds.TOLD));

        System.setProperty(DataDirectory.LOG_DIR, "/home/clerk/.local/share/reliefdesk/logs");
        String en = FailureWords.of(EN, log, "Saving failed", e);
        assertTrue(
                en.matches(
                        "a program error \\(error E-[0-9A-F]{8}\\)\\. The details are in the log; give the log file to IT"
                                + " staff: /home/clerk/\\.local/share/reliefdesk/logs/reliefdesk\\.log"),
                en);
    }

    @Test
    void aFailureThatCarriesWordsIsSaidInThemWhereverItSits() {
        Worded away = new WordedFailure("sync.unreachable", "https://jiuzhu.example.cn");
        RuntimeException e = new RuntimeException(new IllegalStateException("wrapped", (Throwable) away));
        assertEquals(ZH.msg("sync.unreachable", "https://jiuzhu.example.cn"), FailureWords.of(ZH, log, "Sync", e));
        assertTrue(FailureWords.of(EN, log, "Sync", e).startsWith("The central store cannot be reached just now"));
        assertEquals(Optional.of(away), FailureWords.worded(e));
    }

    @Test
    void aFilesTroubleIsSaidWithTheFile() {
        Path file = Path.of("/srv/共享/超期.xlsx");
        AccessDeniedException e = new AccessDeniedException(file.toString());
        assertEquals("没有权限使用 /srv/共享/超期.xlsx。请换一个文件夹，或请技术人员开通权限。", FailureWords.of(ZH, log, "Export", e));
        assertTrue(FailureWords.of(EN, log, "Export", e).startsWith("no permission to use /srv/共享/超期.xlsx."));
        // foreseen and said: a warning naming the step, the text's key and the file, told, without a stack trace
        ILoggingEvent line = logged.list.get(0);
        assertEquals(Level.WARN, line.getLevel());
        assertTrue(line.getFormattedMessage().startsWith("Export (file.denied): "), line.getFormattedMessage());
        assertTrue(line.getFormattedMessage().contains("/srv/共享/超期.xlsx"), line.getFormattedMessage());
        assertNull(line.getThrowableProxy());
        assertTrue(line.getMarkerList().contains(ErrorIds.TOLD));
    }

    /** In a message that names the file already, its trouble is said without the path again (a status line is narrow). */
    @Test
    void aFileAMessageNamesAlreadyIsNotNamedTwice() {
        Path chosen = Path.of("/srv/共享/超期.xlsx");
        FileTroubleException raised = (FileTroubleException) FileTroubleException.of(
                chosen,
                new FileSystemException(
                        "/srv/共享/.reliefdesk-1.part",
                        chosen.toString(),
                        "The process cannot access the file because it is being used by another process"));
        assertEquals("它正被另一个程序使用（例如已在表格软件中打开）。请关闭它后再试。", FailureWords.of(ZH, log, "Export", raised, chosen));
        assertEquals("/srv/共享/超期.xlsx 正被另一个程序使用（例如已在表格软件中打开）。请关闭它后再试。", FailureWords.of(ZH, log, "Export", raised));
        // another file's trouble is named in full
        assertEquals(
                "没有权限使用 /srv/共享。请换一个文件夹，或请技术人员开通权限。",
                FailureWords.of(ZH, log, "Export", new AccessDeniedException("/srv/共享"), chosen));
    }

    /** A newer central store's reason this PC has no text for: named as a reason, not as English or a crash. */
    @Test
    void aReasonWithoutATextIsNamedAsUnknown() {
        String said = FailureWords.of(ZH, log, "Sign-in", new WordedFailure("central.newerReason"));
        assertEquals("对方给出了本程序不认识的原因“central.newerReason”，可能需要升级本程序。详情已写入日志。", said);
    }

    /** A failure with its own words, as the store's and the sync client's are. */
    private static final class WordedFailure extends Exception implements Worded {
        private final String key;
        private final transient Object[] args;

        WordedFailure(String key, Object... args) {
            super("English the person never reads");
            this.key = key;
            this.args = args;
        }

        @Override
        public String messageKey() {
            return key;
        }

        @Override
        public Object[] messageArgs() {
            return args;
        }
    }
}
