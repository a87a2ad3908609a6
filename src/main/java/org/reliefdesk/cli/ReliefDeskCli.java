package org.reliefdesk.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands: {@code java -jar reliefdesk.jar <command> …}. */
@Command(
        name = "reliefdesk",
        mixinStandardHelpOptions = true,
        version = "ReliefDesk 0.1",
        description = "ReliefDesk 救助工作台 — headless commands. Without a command the workbench window opens.",
        subcommands = {
            GenerateSampleCommand.class,
            ImportCommand.class,
            CalendarCommand.class,
            ReportCommand.class,
            CentralCommand.class,
            SyncCommand.class,
            BackupCommand.class
        })
public final class ReliefDeskCli implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Names of the subcommands, so the app entry can tell a command from GUI options. */
    public static boolean isCommand(String arg) {
        return new CommandLine(new ReliefDeskCli()).getSubcommands().containsKey(arg)
                || "--help".equals(arg)
                || "-h".equals(arg)
                || "--version".equals(arg)
                || "-V".equals(arg);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ReliefDeskCli());
        cl.setOut(out);
        cl.setErr(err);
        // A store that would not open, or a failure nobody foresaw: said in the reader's language,
        // without a stack trace (the log file has it).
        cl.setExecutionExceptionHandler(new CommandFailures());
        return cl.execute(args);
    }

    /** Entry for the shell: prints to the console. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
