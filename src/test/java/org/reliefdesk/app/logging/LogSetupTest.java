package org.reliefdesk.app.logging;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LoggerContext context = context();
        try {
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            LogSetup.apply(context, dir, "INFO");
            context.getLogger(LocalStore.class).info("本地库已打开 {}", "甸尾村");
            context.getLogger(LocalStore.class).debug("not at INFO");
            context.getLogger(Session.class).info("Hibernate says little");
            context.getLogger(Synchronizer.class).warn("the central store is out of reach");
        } finally {
            context.stop();
            System.setErr(err);
        }
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
        String said = console.toString(StandardCharsets.UTF_8);
        assertEquals(
                "WARN  " + Synchronizer.class.getName() + " - the central store is out of reach"
                        + System.lineSeparator(),
                said);
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
