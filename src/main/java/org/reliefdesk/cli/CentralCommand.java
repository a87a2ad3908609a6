package org.reliefdesk.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiPredicate;

import org.reliefdesk.central.CentralDatabase;
import org.reliefdesk.central.CentralServer;
import org.reliefdesk.central.CentralStore;
import org.reliefdesk.central.CentralTickets;
import org.reliefdesk.logic.Causes;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.users.ListedUser;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The central store: {@code central --port 8787 --db URL} serves it; subcommands manage users and intake. */
@Command(
        name = "central",
        mixinStandardHelpOptions = true,
        description = {
            "Run the central store (HTTP JSON API for the county PCs' sync), or manage it.",
            "Database: --db jdbc:postgresql://host/db?user=..&password=.. in production; by default an H2 file"
                    + " under <data dir>/central."
        },
        subcommands = {
            CentralCommand.UserCommand.class,
            CentralCommand.ImportIntake.class,
            CentralCommand.RenewId.class,
            CentralCheckCommand.class
        })
public final class CentralCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 8787; 0 = any free port).")
    int port = 8787;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 for every interface,"
                    + " behind TLS or a TLS reverse proxy, see docs/security.md).")
    String host = "127.0.0.1";

    @Option(
            names = "--calendar-editors",
            paramLabel = "USER,...",
            split = ",",
            description =
                    "Who may import a holiday year for the whole province (never a county administrator by role).")
    List<String> calendarEditors = new ArrayList<>();

    @Option(
            names = "--db-password-file",
            paramLabel = "FILE",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description =
                    "A file holding the database password (else RELIEFDESK_DB_PASSWORD; never on the command line).")
    Path dbPasswordFile;

    @Option(
            names = "--tls-keystore",
            paramLabel = "FILE",
            description = "Serve HTTPS with this PKCS#12 keystore; its password from RELIEFDESK_TLS_PASSWORD.")
    Path tlsKeystore;

    @Option(
            names = "--access-log",
            paramLabel = "FILE",
            description = "Write one line per request (time, client address, request line, status, bytes, milliseconds"
                    + " taken) to FILE; yyyy_mm_dd in the name makes a new file each day, kept 90 days"
                    + " (e.g. /var/log/reliefdesk/access-yyyy_mm_dd.log). Off by default.")
    Path accessLog;

    @Option(
            names = "--db",
            paramLabel = "JDBC-URL",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The central database (default: an H2 file in <data dir>/central).")
    String db;

    @picocli.CommandLine.Mixin
    CommonOptions options = new CommonOptions();

    Clock clock = Clock.system(ChinaTime.ZONE);

    String jdbcUrl() {
        if (db != null) {
            return db;
        }
        Path dir = options.dataDirectory().resolve("central");
        return "jdbc:h2:file:" + dir.resolve("central").toAbsolutePath();
    }

    CentralStore open() throws IOException {
        String password = dbPassword();
        try {
            return CentralStore.open(jdbcUrl(), password, CatalogLoader.loadBuiltIn(), clock);
        } catch (RuntimeException e) {
            SQLException answer = sqlCause(e);
            if (answer == null) {
                throw e;
            }
            // the database's own answer (refused, wrong password, locked): what IT staff need to mend it
            throw new CommandRefusal(
                    "central.dbUnusable",
                    e,
                    CentralDatabase.safe(jdbcUrl()),
                    CentralDatabase.safe(String.valueOf(answer.getMessage())),
                    "--db-password-file",
                    "RELIEFDESK_DB_PASSWORD");
        }
    }

    /** The innermost SQL exception under {@code e}: the database's own answer. */
    private static SQLException sqlCause(Throwable e) {
        SQLException found = null;
        for (Throwable t : Causes.of(e)) {
            if (t instanceof SQLException sql) {
                found = sql;
            }
        }
        return found;
    }

    private static boolean portTaken(Throwable e) {
        return Causes.of(e).stream().anyMatch(BindException.class::isInstance);
    }

    /** The database password from a file or the environment; null when the URL needs none. */
    String dbPassword() throws IOException {
        if (dbPasswordFile != null) {
            return Files.readString(dbPasswordFile, StandardCharsets.UTF_8).strip();
        }
        return System.getenv("RELIEFDESK_DB_PASSWORD");
    }

    @Override
    public Integer call() throws Exception {
        Texts texts = options.texts();
        CentralStore store = open().calendarEditors(calendarEditors);
        CentralServer server;
        try {
            if (tlsKeystore != null) {
                String pw = System.getenv("RELIEFDESK_TLS_PASSWORD");
                server = CentralServer.startTls(store, host, port, tlsKeystore, pw == null ? "" : pw, accessLog);
            } else {
                server = CentralServer.start(store, host, port, accessLog);
            }
        } catch (Exception e) {
            store.close();
            if (portTaken(e)) {
                throw new CommandRefusal("central.portTaken", e, host + ":" + port, "--port");
            }
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        quickCompilerOnly(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .ifPresent(flag -> {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println(texts.msg(
                            "central.quickCompilerOnly",
                            flag,
                            "reliefdesk-central",
                            "java -jar reliefdesk.jar central"));
                    err.flush();
                });
        out.println(texts.msg(
                "central.listening",
                (tlsKeystore != null ? "https://" : "http://") + host + ":" + server.port(),
                CentralDatabase.safe(jdbcUrl())));
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.close();
                            } catch (Exception ignored) {
                                // stopping anyway
                            }
                            store.close();
                            stop.countDown();
                        },
                        "central-stop"));
        stop.await();
        return 0;
    }

    /**
     * The JVM option that leaves the optimizing compiler out ({@code -XX:TieredStopAtLevel} below 4,
     * as the workbench's launcher runs), if one was given: the central store's key derivations
     * then take half as long again (0.46 s against 0.30 s each on the reference machine).
     */
    static Optional<String> quickCompilerOnly(List<String> jvmArguments) {
        return jvmArguments.stream()
                .filter(a -> a.startsWith("-XX:TieredStopAtLevel=") && !a.endsWith("=4"))
                .reduce((first, last) -> last);
    }

    /** A password from RELIEFDESK_PASSWORD, else typed at the terminal; null when neither. */
    static char[] password(String prompt) {
        String env = System.getenv("RELIEFDESK_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Console console = System.console();
        return console == null ? null : console.readPassword("%s", prompt);
    }

    @Command(
            name = "user",
            mixinStandardHelpOptions = true,
            description = "Add, disable or list central store users.",
            subcommands = {UserAdd.class, UserDisable.class, UserEnable.class, UserList.class})
    static final class UserCommand implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a user; the password is typed at the prompt or taken from RELIEFDESK_PASSWORD.")
    static final class UserAdd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        UserCommand userCommand;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Sign-in name.")
        String name;

        @Option(
                names = "--display-name",
                paramLabel = "TEXT",
                description = "Name as shown (default: the sign-in name).")
        String displayName;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "clerk, township, leader or admin.")
        String role;

        @Option(names = "--county", required = true, paramLabel = "CODE", description = "County code (6 digits).")
        String county;

        @Option(names = "--department", paramLabel = "CODE", description = "Department code (clerks).")
        String department;

        @Option(names = "--township", paramLabel = "CODE", description = "Township code (township staff).")
        String township;

        @Override
        public Integer call() throws Exception {
            CentralCommand central = (CentralCommand) spec.parent().parent().userObject();
            Texts texts = central.options.texts();
            PrintWriter err = spec.commandLine().getErr();
            Role r;
            try {
                r = Role.valueOf(role.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println(texts.msg(
                        "central.user.invalid",
                        texts.msg(
                                "rule.format",
                                texts.fieldName("role"),
                                texts.msg("rule.oneOf", "clerk, township, leader, admin"))));
                return 1;
            }
            char[] pw = password(texts.fieldName("password") + ": ");
            if (pw == null) {
                err.println(texts.msg("central.user.noPassword"));
                return 1;
            }
            User u = new User(name, displayName == null ? name : displayName, r, county, department, township);
            try (CentralStore store = central.open()) {
                store.users().add(u, pw, central.clock.instant());
            } catch (InvalidFieldException e) {
                err.println(texts.msg("central.user.invalid", texts.describe(e)));
                return 1;
            }
            spec.commandLine()
                    .getOut()
                    .println(texts.msg("central.user.added", name, r.name().toLowerCase(Locale.ROOT)));
            return 0;
        }
    }

    /** Disables or enables a user: says so, or that there is no such user (exit 1). */
    private static int changeUser(
            CommandSpec spec, String name, BiPredicate<CentralStore, String> change, String doneKey)
            throws IOException {
        CentralCommand central = (CentralCommand) spec.parent().parent().userObject();
        Texts texts = central.options.texts();
        try (CentralStore store = central.open()) {
            if (!change.test(store, name)) {
                spec.commandLine().getErr().println(texts.msg("central.user.unknown", name));
                return 1;
            }
        }
        spec.commandLine().getOut().println(texts.msg(doneKey, name));
        return 0;
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user and end their sign-ins.")
    static final class UserDisable implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Sign-in name.")
        String name;

        @Override
        public Integer call() throws Exception {
            return changeUser(spec, name, (store, n) -> store.users().disable(n), "central.user.disabled");
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled user sign in again.")
    static final class UserEnable implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Sign-in name.")
        String name;

        @Override
        public Integer call() throws Exception {
            return changeUser(spec, name, (store, n) -> store.users().enable(n), "central.user.enabled");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
    static final class UserList implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CentralCommand central = (CentralCommand) spec.parent().parent().userObject();
            Texts texts = central.options.texts();
            try (CentralStore store = central.open()) {
                for (ListedUser l : store.users().list()) {
                    User u = l.user();
                    spec.commandLine()
                            .getOut()
                            .println(texts.msg(
                                    "central.user.row",
                                    u.username(),
                                    u.displayName(),
                                    u.role().name().toLowerCase(Locale.ROOT),
                                    u.countyCode(),
                                    u.departmentCode() == null ? "-" : u.departmentCode(),
                                    u.townshipCode() == null ? "-" : u.townshipCode(),
                                    texts.msg(l.disabled() ? "central.user.inactive" : "central.user.active")));
                }
            }
            return 0;
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Feed new tickets from the citizen channel (an interchange file, as in sample-data/).")
    static final class ImportIntake implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The JSON Lines file.")
        Path file;

        @Override
        public Integer call() throws Exception {
            CentralCommand central = (CentralCommand) spec.parent().userObject();
            Texts texts = central.options.texts();
            if (!Files.isReadable(file)) {
                spec.commandLine().getErr().println(texts.msg("import.fileUnreadable", file));
                return 2;
            }
            try (CentralStore store = central.open();
                    BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                CentralTickets.Intake intake = store.tickets()
                        .intake(
                                in,
                                null,
                                LocalDate.now(central.clock.withZone(ChinaTime.ZONE)),
                                central.clock.instant());
                intake.rejected().forEach(spec.commandLine().getErr()::println);
                spec.commandLine()
                        .getOut()
                        .println(texts.msg(
                                "central.import.done",
                                intake.added(),
                                intake.known(),
                                intake.rejected().size()));
                return intake.rejected().isEmpty() ? 0 : 1;
            }
        }
    }

    @Command(
            name = "renew-id",
            mixinStandardHelpOptions = true,
            description = {
                "Give this central store a new id, after its database was restored from a backup: every PC then pulls"
                        + " its scope again from the start (a PC that pulled past the backup would otherwise miss the"
                        + " changes numbered again below its cursor). The old id is kept as this store's own, so each PC"
                        + " also sends again what it had pushed that the backup did not have.",
                "Run it with the store's servers stopped: a server reads the id when it starts."
            })
    static final class RenewId implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--copy",
                description = "The database is a copy set up for another use (a training store made from a backup):"
                        + " it keeps no earlier id, so PCs treat it as another store and send it none of the work"
                        + " they had sent the store it was copied from.")
        boolean copy;

        @Override
        public Integer call() throws Exception {
            CentralCommand central = (CentralCommand) spec.parent().userObject();
            Texts texts = central.options.texts();
            try (CentralStore store = central.open()) {
                String before = store.storeId();
                String after = store.renewStoreId(copy);
                // a copy is sent none of the PCs' work: saying it would be sent again would mislead
                spec.commandLine()
                        .getOut()
                        .println(texts.msg(copy ? "central.renewId.copied" : "central.renewId.done", before, after));
                return 0;
            }
        }
    }
}
