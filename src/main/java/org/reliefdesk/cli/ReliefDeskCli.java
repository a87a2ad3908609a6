package org.reliefdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** The options the workbench and every command take alike, so they may come before the command word. */
    private static final Set<String> SHARED_OPTIONS = Set.of("--lang", "--data-dir");

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** A subcommand's name, or the top level's help or version: a command, not the workbench. */
    private static boolean isCommand(String arg) {
        return new CommandLine(new ReliefDeskCli()).getSubcommands().containsKey(arg)
                || "--help".equals(arg)
                || "-h".equals(arg)
                || "--version".equals(arg)
                || "-V".equals(arg);
    }

    /**
     * The arguments as a command, or empty for the workbench. {@code --lang en central renew-id}
     * is {@code central renew-id --lang en}: a person who starts the workbench with {@code --lang
     * en} writes it first for a command too, and must not get a window instead of the command.
     */
    public static Optional<String[]> commandLine(String[] args) {
        int word = 0;
        while (word < args.length && sharedOption(args[word]) > 0) {
            word += sharedOption(args[word]);
        }
        if (word >= args.length || !isCommand(args[word])) {
            return Optional.empty();
        }
        List<String> before = Arrays.asList(args).subList(0, word);
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(word, args.length));
        if (!args[word].startsWith("-")) { // the top level's help and version take no options
            int end = rest.indexOf("--"); // after "--" come only positional values
            rest.addAll(end < 0 ? rest.size() : end, before);
        }
        return Optional.of(rest.toArray(String[]::new));
    }

    /** How many arguments a shared option at this place takes up (2, or 1 as {@code --lang=en}); 0 if none. */
    private static int sharedOption(String arg) {
        if (SHARED_OPTIONS.contains(arg)) {
            return 2;
        }
        int equals = arg.indexOf('=');
        return equals > 0 && SHARED_OPTIONS.contains(arg.substring(0, equals)) ? 1 : 0;
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ReliefDeskCli());
        cl.setOut(out);
        cl.setErr(err);
        // A store that would not open, or a failure nobody foresaw: said in the reader's language,
        // without a stack trace (the log file has it).
        cl.setExecutionExceptionHandler(new CommandFailures());
        return cl.execute(commandLine(args).orElse(args));
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
