package org.reliefdesk.app.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.ErrorIds;
import org.reliefdesk.logic.config.DataDirectory;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.sync.Synchronizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSetupTest {

    @TempDir
    Path dir;

    @Test
    void theProgramLogsToItsFileAtTheChosenDetailAndWarnsOnTheConsole() throws Exception {
        String said = consoleWhile(context -> {
            context.getLogger(LocalStore.class).info("本地库已打开 {}", "甸尾村");
            context.getLogger(LocalStore.class).debug("not at INFO");
            context.getLogger(Session.class).info("Hibernate says little");
            context.getLogger(Synchronizer.class).warn("the central store is out of reach");
        });
        List<String> lines = Files.readAllLines(dir.resolve(DataDirectory.LOG_FILE), StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(
                lines.get(0)
                        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO  \\[main\\]"
                                + " org\\.reliefdesk\\.store\\.LocalStore - 本地库已打开 甸尾村"),
                lines.get(0));
        assertTrue(lines.get(1)
                .endsWith("WARN  [main] " + Synchronizer.class.getName() + " - the central store is out of reach"));
        // the console: warnings only, so a command's own output stays clean
        assertEquals(
                "WARN  " + Synchronizer.class.getName() + " - the central store is out of reach"
                        + System.lineSeparator(),
                said);
    }

    /**
     * A failure a command has told the person of in their words stays off the console (its
     * English and its stack trace would bury the message) and is kept in the file in full.
     */
    @Test
    void whatThePersonWasToldStaysOffTheConsoleAndInTheFile() throws Exception {
        String said = consoleWhile(context -> {
            context.getLogger(Synchronizer.class)
                    .warn(ErrorIds.TOLD, "Sync did not reach the central store", new IOException("connect timed out"));
            context.getLogger(Synchronizer.class).warn("not told: shown");
        });
        String file = Files.readString(dir.resolve(DataDirectory.LOG_FILE), StandardCharsets.UTF_8);
        assertTrue(file.contains("Sync did not reach the central store"), file);
        assertTrue(file.contains("java.io.IOException: connect timed out") && file.contains("\tat "), file);
        assertEquals("WARN  " + Synchronizer.class.getName() + " - not told: shown" + System.lineSeparator(), said);
    }

    /** What the console showed while {@code logging} ran against the program's setup, logging to {@code dir}. */
    private String consoleWhile(Consumer<LoggerContext> logging) {
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LoggerContext context = context();
        try {
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            LogSetup.apply(context, dir, "INFO");
            logging.accept(context);
        } finally {
            context.stop();
            System.setErr(err);
        }
        return console.toString(StandardCharsets.UTF_8);
    }

    /** A data directory that is a file cannot hold the logs: they go to the fallback, not nowhere. */
    @Test
    void aLogFolderThatCannotBeMadeFallsBack() throws Exception {
        Path plainFile = Files.writeString(dir.resolve("plain-file"), "x");
        Path fallback = dir.resolve("fallback");
        assertEquals(fallback, LogSetup.folder(plainFile.resolve("logs"), fallback));
        assertEquals(dir.resolve("d/logs"), LogSetup.folder(dir.resolve("d/logs"), fallback));
        assertTrue(Files.isDirectory(dir.resolve("d/logs")));
        assertEquals("x", Files.readString(plainFile));
    }

    @Test
    void anUnknownDetailIsInfo() {
        LoggerContext context = context();
        try {
            LogSetup.apply(context, dir, "LOUD");
            assertTrue(context.getLogger("x").isInfoEnabled());
            assertFalse(context.getLogger("x").isDebugEnabled());
        } finally {
            context.stop();
        }
    }

    /** A context as logback makes the program's own (started, with its MDC). */
    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        return context;
    }

    /** A configuration file on the class path (the tests' logback-test.xml) is logback's to read. */
    @Test
    void aConfigurationFileWins() {
        LoggerContext context = new LoggerContext();
        try {
            assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new LogSetup().configure(context));
            assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME)
                    .iteratorForAppenders()
                    .hasNext());
        } finally {
            context.stop();
        }
    }
}
