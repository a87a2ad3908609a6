package org.reliefdesk.app.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import org.reliefdesk.logic.config.DataDirectory;

/**
 * Where the program logs, set in code rather than a {@code logback.xml}: reading that file took
 * a fifth of a second of every start (an XML parser and logback's configuration model). Files go
 * to {@code <data dir>/logs} (set by the app entry), kept 30
 * days and 200 MB (a temporary folder when that one cannot be made); the console shows warnings
 * only, and not those a command has told the person of in their words ({@code ErrorIds.TOLD}),
 * so headless commands print nothing but their own results and messages.
 *
 * <p>A configuration file still wins: {@code -Dlogback.configurationFile=…} (county IT raising
 * one logger's detail) or a {@code logback-test.xml} on the class path (the tests).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "reliefdesk-logs");
        Path wanted = Path.of(System.getProperty(DataDirectory.LOG_DIR, fallback.toString()));
        Path dir = folder(wanted, fallback);
        // what the commands and windows name as the log's place is where it really goes
        System.setProperty(DataDirectory.LOG_DIR, dir.toString());
        apply(context, dir, System.getProperty("reliefdesk.logLevel"));
        if (!dir.equals(wanted)) {
            context.getLogger(LogSetup.class).info("Logging to {}: {} cannot be made or written", dir, wanted);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The wanted log folder, or the fallback when the wanted one cannot be made or written. */
    static Path folder(Path wanted, Path fallback) {
        return usable(wanted) ? wanted : fallback;
    }

    /**
     * Whether the log folder can be made and written. A data directory that is not a folder (the
     * program then says so in the person's words) would otherwise have logback print its own
     * error and stack trace on the console before that.
     */
    private static boolean usable(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Logs to {@code dir} at {@code level} (the settings page's choice; INFO when unset or unknown). */
    static void apply(LoggerContext context, Path dir, String level) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        root.addAppender(file(context, dir));
        root.addAppender(console(context));
        context.getLogger("org.hibernate").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.INFO);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
    }

    private static RollingFileAppender<ILoggingEvent> file(LoggerContext context, Path dir) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir.resolve(DataDirectory.LOG_FILE).toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(
                dir.resolve("reliefdesk.%d{yyyy-MM-dd}.%i.log").toString());
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(30);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n"));
        file.start();
        return file;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel("WARN");
        warnings.start();
        console.addFilter(warnings);
        console.addFilter(new NotToldFilter());
        console.setEncoder(encoder(context, "%-5level %logger{36} - %msg%n"));
        console.start();
        return console;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
