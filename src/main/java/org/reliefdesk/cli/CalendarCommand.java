package org.reliefdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import org.reliefdesk.logic.calendar.CalendarException;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.calendar.Deadline;
import org.reliefdesk.logic.calendar.HolidayYear;
import org.reliefdesk.logic.calendar.WorkingCalendar;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.ChinaTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The official working-day calendar: list, count from a moment, add a year. */
@Command(
        name = "calendar",
        mixinStandardHelpOptions = true,
        description = "The official working-day calendar (State Council holiday arrangements).",
        subcommands = {
            CalendarCommand.WorkingDays.class,
            CalendarCommand.Add.class,
            CalendarCommand.Import.class,
            CalendarCommand.Years.class
        })
public final class CalendarCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The shipped years and those added to the data directory ({@code --data-dir}). */
    static WorkingCalendar calendar(CommonOptions options) {
        return CalendarLoader.load(options.dataDirectory());
    }

    @Command(
            name = "working-days",
            mixinStandardHelpOptions = true,
            description = "Print every official working day of a year, one ISO date per line.")
    static final class WorkingDays implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        CommonOptions options = new CommonOptions();

        @Option(names = "--year", required = true, paramLabel = "YEAR")
        int year;

        @Override
        public Integer call() {
            WorkingCalendar calendar = calendar(options);
            if (calendar.year(year).isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println(options.texts()
                                .msg("calendar.cli.noYear", "--year", String.valueOf(year), "calendar import --file"));
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            calendar.workingDays(year).forEach(out::println);
            return 0;
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Print when a limit of N working days starting at a moment runs out.",
                "Counting starts the next day (次日起); the limit ends at the end of the last day, printed "
                        + "as that day's 24:00 (China time), as every report writes it."
            })
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        CommonOptions options = new CommonOptions();

        @Option(
                names = "--from",
                required = true,
                paramLabel = "DATE-TIME",
                description = "Start, China time, e.g. 2024-09-27T16:00.")
        LocalDateTime from;

        @Option(names = "--working-days", required = true, paramLabel = "N")
        int workingDays;

        @Override
        public Integer call() {
            if (workingDays < 1) {
                spec.commandLine().getErr().println(options.texts().msg("calendar.cli.atLeastOne", "--working-days"));
                return 2;
            }
            Deadline d =
                    calendar(options).addWorkingDays(from.atZone(ChinaTime.ZONE).toInstant(), workingDays);
            spec.commandLine().getOut().println(Deadline.written(d.due()));
            if (d.estimated()) {
                spec.commandLine().getErr().println(options.texts().msg("calendar.cli.estimated"));
            }
            return 0;
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Validate a year's holiday file and add it to the data directory (replaces that year).")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        CommonOptions options = new CommonOptions();

        @Option(names = "--file", required = true, paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            Texts texts = options.texts();
            HolidayYear y;
            try {
                y = CalendarLoader.install(file, options.dataDirectory());
            } catch (CalendarException refused) {
                // the entry and its rule in the reader's language; the data directory is as it was
                spec.commandLine().getErr().println(texts.msg("calendar.cli.refused", file, texts.describe(refused)));
                return 1;
            }
            spec.commandLine()
                    .getOut()
                    .println(texts.msg(
                            "calendar.cli.added",
                            String.valueOf(y.year()),
                            y.noticeTitle(),
                            y.offDays().size(),
                            y.makeUpWorkingDays().size()));
            return 0;
        }
    }

    @Command(name = "years", mixinStandardHelpOptions = true, description = "List the years with official data.")
    static final class Years implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        CommonOptions options = new CommonOptions();

        @Override
        public Integer call() {
            CalendarLoader.Loaded loaded = CalendarLoader.loadReporting(options.dataDirectory());
            Texts texts = options.texts();
            for (CalendarException bad : loaded.leftOut()) {
                spec.commandLine().getErr().println(texts.msg("calendar.yearLeftOut", bad.file(), texts.describe(bad)));
            }
            for (HolidayYear y : loaded.calendar().years()) {
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%d  %s %s (%s)%n",
                                y.year(),
                                y.noticeTitle(),
                                y.noticeNumber() == null ? "" : y.noticeNumber(),
                                y.issued());
            }
            return 0;
        }
    }
}
