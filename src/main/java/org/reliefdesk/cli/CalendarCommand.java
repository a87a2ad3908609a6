package org.reliefdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.calendar.Deadline;
import org.reliefdesk.logic.calendar.HolidayYear;
import org.reliefdesk.logic.calendar.WorkingCalendar;
import org.reliefdesk.logic.config.DataDirectory;
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

    /** Options every calendar subcommand shares. */
    static class DataDirOption {
        @Option(
                names = "--data-dir",
                paramLabel = "DIR",
                description = "Data directory whose added years are used too (default: the per-user folder).")
        String dataDir;

        WorkingCalendar calendar() {
            return CalendarLoader.load(DataDirectory.resolve(dataDir));
        }
    }

    @Command(
            name = "working-days",
            mixinStandardHelpOptions = true,
            description = "Print every official working day of a year, one ISO date per line.")
    static final class WorkingDays implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        DataDirOption data = new DataDirOption();

        @Option(names = "--year", required = true, paramLabel = "YEAR")
        int year;

        @Override
        public Integer call() {
            WorkingCalendar calendar = data.calendar();
            if (calendar.year(year).isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("--year: no official arrangement for " + year
                                + " is installed; add it with 'calendar import --file FILE'");
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
        DataDirOption data = new DataDirOption();

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
                spec.commandLine().getErr().println("--working-days: must be at least 1");
                return 2;
            }
            Deadline d =
                    data.calendar().addWorkingDays(from.atZone(ChinaTime.ZONE).toInstant(), workingDays);
            spec.commandLine().getOut().println(Deadline.written(d.due()));
            if (d.estimated()) {
                spec.commandLine()
                        .getErr()
                        .println("warning: a year without official data was counted Monday to Friday");
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
        DataDirOption data = new DataDirOption();

        @Option(names = "--file", required = true, paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws IOException {
            HolidayYear y = CalendarLoader.install(file, DataDirectory.resolve(data.dataDir));
            spec.commandLine()
                    .getOut()
                    .printf(
                            "added %d: %s, %d days off, %d make-up working days%n",
                            y.year(),
                            y.noticeTitle(),
                            y.offDays().size(),
                            y.makeUpWorkingDays().size());
            return 0;
        }
    }

    @Command(name = "years", mixinStandardHelpOptions = true, description = "List the years with official data.")
    static final class Years implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        DataDirOption data = new DataDirOption();

        @Override
        public Integer call() {
            for (HolidayYear y : data.calendar().years()) {
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
