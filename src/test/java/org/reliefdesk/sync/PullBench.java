package org.reliefdesk.sync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;
import org.junit.jupiter.api.Test;
import org.reliefdesk.app.H2Settings;
import org.reliefdesk.central.CentralStore;
import org.reliefdesk.central.LoadBenchServer;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.logic.sync.OperationCodec;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.store.LocalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark (mvn -Pbench verify -Dtest=PullBench; measures, asserts nothing): a county PC's first
 * pull of 50,000 tickets from the central store over HTTP on loopback into its empty local H2
 * file, against a raw JDBC batch insert of the same rows (tickets, events, forms) into an empty
 * H2 file of the same schema and settings, in one run, taken {@code -Dbench.rawTimes} times (2).
 * The raw rows leave out what the pull also writes (each ticket's step movements, each event's
 * time of arrival), so the floor is, if anything, low.
 *
 * <p>{@code -Dbench.pullRuns} (5) new PCs pull one after another in this JVM: run 1 is a new PC's
 * first pull in a JVM that has compiled none of its code, the others warm ones, each pull followed
 * by its raw floors. This machine's speed drifts by a third within minutes, so one warm pull
 * against one floor says little: the last line puts the warm pulls' median against the median of
 * all their floors, and counts the runs at or under 1.2 times their own floor. Each pull and each
 * raw insert says the CPU it took (the PC's JVM, its writing or inserting thread, the central
 * store's process) and each of the PC's threads' share ({@link ThreadCpu}: the Java threads,
 * and on Linux the JVM's compiler and collector): besides writing, the pull receives, reads and
 * replays every ticket, and the central store serves them, on the same cores. Results in
 * {@code target/bench/pull.txt}.
 */
class PullBench {

    static {
        H2Settings.apply(); // as the program runs H2 (this JVM loads it first for the bench)
    }

    private static final Logger LOG = LoggerFactory.getLogger(PullBench.class);
    private static final int COUNT = Integer.getInteger("bench.pullTickets", 50_000);
    private static final Path DIR = Path.of("target", "bench", "pull-" + COUNT);
    private static final boolean IN_PROCESS = Boolean.getBoolean("bench.inProcess");
    private static final int WARM_PASSES = Integer.getInteger("bench.warmPasses", 3);
    /** How many times each run's raw floor is taken ({@code -Dbench.rawTimes}). */
    private static final int RAW_TIMES = Integer.getInteger("bench.rawTimes", 2);
    /**
     * How many PCs pull the county one after another in this JVM ({@code -Dbench.pullRuns}): the
     * first cold, the others warm, each followed by its raw floor.
     */
    private static final int RUNS = Integer.getInteger("bench.pullRuns", 5);

    private static final Pattern PAGE_FACTS = Pattern.compile("],\"next\":(\\d+),\"more\":(true|false)");

    @Test
    void initialPullAgainstRawJdbc() throws Exception {
        Catalog catalog = CatalogLoader.loadBuiltIn();
        Clock clock = Clock.system(ChinaTime.ZONE);
        List<String> report = new ArrayList<>();
        report.add("ReliefDesk pull benchmark, " + COUNT + " tickets, " + Instant.now() + ", JDK "
                + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        Files.createDirectories(DIR);
        String jdbcUrl = "jdbc:h2:file:" + DIR.resolve("central/central").toAbsolutePath();
        try (CentralStore central = CentralStore.open(jdbcUrl, catalog, clock)) {
            central.users()
                    .addMissing(List.of(DemoUsers.LEADER), DemoUsers.DEMO_PASSWORD.toCharArray(), clock.instant());
            if (central.tickets().count() < COUNT) {
                TicketLineCodec codec = new TicketLineCodec(catalog);
                String lines = new SampleGenerator(catalog)
                        .generate(SampleGenerator.DEFAULT_SEED, clock.instant(), COUNT).stream()
                                .map(codec::write)
                                .collect(Collectors.joining("\n"));
                central.tickets()
                        .intake(
                                new BufferedReader(new StringReader(lines)),
                                null,
                                LocalDate.now(clock),
                                clock.instant());
            }
        }
        // The central store in a process of its own (as in production) that has served the county
        // before the first run: run 1 is a new PC's first pull from a store that has been running.
        try (LoadBenchServer server = IN_PROCESS
                ? LoadBenchServer.inProcess(jdbcUrl, catalog, clock, DIR)
                : LoadBenchServer.process(jdbcUrl, DIR, "1g")) {
            long serverStart = System.nanoTime(); // the server's CPU below is counted from here too
            int served = warmUp(server.url());
            report.add(String.format(
                    Locale.ROOT,
                    "central store: %s; before run 1 it served the county %d times over (%d pages, %d ms)",
                    IN_PROCESS ? "in this JVM (-Dbench.inProcess=true)" : "its own process, -Xmx1g",
                    WARM_PASSES,
                    served,
                    (System.nanoTime() - serverStart) / 1_000_000));
            List<Long> warmPulls = new ArrayList<>();
            List<Long> warmRaws = new ArrayList<>();
            List<Double> warmRatios = new ArrayList<>();
            for (int run = 1; run <= RUNS; run++) {
                Path pc = DIR.resolve("pc-" + run + "-" + System.nanoTime());
                long t0 = System.nanoTime();
                Synchronizer.Report r;
                long pullMs;
                double pullThread;
                List<TicketHistory> rows = new ArrayList<>();
                try (LocalStore store = LocalStore.open(pc);
                        CentralClient client = new CentralClient(server.url(), Duration.ofSeconds(60))) {
                    long opened = System.nanoTime();
                    Cpu before = Cpu.now(server);
                    ThreadCpu threads = new ThreadCpu();
                    r = new Synchronizer(store, client, catalog, clock)
                            .fetchAttachments(false)
                            .run(DemoUsers.LEADER.username(), DemoUsers.DEMO_PASSWORD.toCharArray(), p -> {});
                    long pulled = System.nanoTime();
                    Cpu pullCpu = Cpu.now(server).since(before);
                    threads.close();
                    pullThread = pullCpu.thread();
                    pullMs = (pulled - opened) / 1_000_000;
                    report.add(String.format(
                            Locale.ROOT,
                            "run %d: initial pull of %d tickets over HTTP into an empty"
                                    + " local store: %d ms (store opened in %d ms)",
                            run,
                            r.pulled(),
                            pullMs,
                            (opened - t0) / 1_000_000));
                    report.add("run " + run + ": CPU during the pull: " + pullCpu.describe("writing", pullMs));
                    report.add("run " + run + ": the PC's threads during the pull: " + threads.describe());
                    // The same rows, read back from the pulled store, for the raw insert.
                    for (Ticket t : store.tickets().list(new TicketScope(DemoUsers.LEADER.countyCode(), null, null))) {
                        rows.add(new TicketHistory(t, store.tickets().events(t.id())));
                    }
                }
                // The floor with the pulled store closed (its writer no longer flushing beside it), taken
                // RAW_TIMES times: one insert of 600 MB on this machine moves by a third from one try
                // to the next, so the ratio is to the median, and the fastest is shown beside it.
                List<Long> raws = new ArrayList<>();
                List<Double> rawThread = new ArrayList<>();
                List<String> rawCpu = new ArrayList<>();
                for (int k = 0; k < RAW_TIMES; k++) {
                    Path raw = DIR.resolve("raw-" + run + "-" + System.nanoTime());
                    LocalStore.open(raw).close(); // the same schema, by the same migrations
                    Raw took = rawInsert(raw, rows, server);
                    deleteTree(raw);
                    raws.add(took.ms());
                    rawThread.add(took.cpu().thread());
                    rawCpu.add(took.cpu().describe("inserting", took.ms()) + "; its threads: " + took.threads());
                }
                long median = medianMs(raws);
                report.add(String.format(
                        Locale.ROOT,
                        "run %d: raw JDBC batch insert of the same %d tickets and %d events into an empty H2 file,"
                                + " %d times: %s ms → pull / raw (median %d ms) = %.2f, pull / fastest = %.2f",
                        run,
                        rows.size(),
                        rows.stream().mapToInt(h -> h.events().size()).sum(),
                        RAW_TIMES,
                        join(raws),
                        median,
                        (double) pullMs / median,
                        (double) pullMs / Collections.min(raws)));
                deleteTree(pc);
                if (run > 1) {
                    warmPulls.add(pullMs);
                    warmRaws.addAll(raws);
                    warmRatios.add((double) pullMs / median);
                }
                for (int k = 0; k < rawCpu.size(); k++) {
                    report.add("run " + run + ": CPU during raw insert " + (k + 1) + ": " + rawCpu.get(k));
                }
                // The write path against the floor without what only the pull does (receive, read,
                // replay; the central store serving): its writing thread's CPU against the inserting one's.
                double medianThread = median(rawThread);
                report.add(String.format(
                        Locale.ROOT,
                        "run %d: CPU of the pull's writing thread / the raw insert's (median %.1f s) = %.2f",
                        run,
                        medianThread,
                        pullThread / medianThread));
            }
            if (!warmPulls.isEmpty()) {
                long pullMedian = medianMs(warmPulls);
                long rawMedian = medianMs(warmRaws);
                report.add(String.format(
                        Locale.ROOT,
                        "warm runs 2–%d: pull %s ms (median %d), their raw floors %s ms (median %d) → pull / raw by"
                                + " the medians = %.2f; each run's pull / its floor %s, at or under 1.2 in %d of %d",
                        RUNS,
                        join(warmPulls),
                        pullMedian,
                        join(warmRaws),
                        rawMedian,
                        (double) pullMedian / rawMedian,
                        warmRatios.stream()
                                .map(x -> String.format(Locale.ROOT, "%.2f", x))
                                .collect(Collectors.joining(" / ")),
                        warmRatios.stream().filter(x -> x <= 1.2).count(),
                        warmRatios.size()));
            }
            report.add(server.describe((System.nanoTime() - serverStart) / 1e9));
        }
        report.forEach(l -> LOG.info("BENCH {}", l));
        Files.write(Path.of("target", "bench", "pull.txt"), report);
    }

    /**
     * Has the central store serve the county's pages {@link #WARM_PASSES} times over plain HTTP,
     * the answers read and dropped: its serving code is compiled, the PC's is not (nothing of the
     * PC's reading or writing runs here). Returns the pages served.
     */
    private static int warmUp(String url) throws Exception {
        String token;
        try (CentralClient client = new CentralClient(url, Duration.ofSeconds(60))) {
            token = client.signIn(DemoUsers.LEADER.username(), DemoUsers.DEMO_PASSWORD.toCharArray(), "bench-warm-up")
                    .token();
        }
        HttpClient http = HttpClient.newHttpClient();
        int pages = 0;
        for (int pass = 0; pass < WARM_PASSES; pass++) {
            long after = 0;
            boolean more = true;
            while (more) {
                HttpResponse<byte[]> page = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/api/v1/changes?after=" + after
                                        + "&limit=1000&held=true&tickets=objects"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("warm-up page: HTTP " + page.statusCode());
                }
                // The cursor found in the page's text, not by parsing it: parsing it here would compile
                // the JSON reading the PC's run 1 is meant to start without. The page's own fields
                // come after its tickets, so its last "],"next": is the page's.
                String text = new String(page.body(), StandardCharsets.ISO_8859_1);
                Matcher facts = PAGE_FACTS.matcher(text.substring(text.lastIndexOf("],\"next\":")));
                if (!facts.lookingAt()) {
                    throw new IllegalStateException("warm-up page without its cursor");
                }
                after = Long.parseLong(facts.group(1));
                more = Boolean.parseBoolean(facts.group(2));
                pages++;
            }
        }
        return pages;
    }

    /**
     * Tickets, events and each ticket's row of forms with prepared statements in batches of 1,000
     * tickets, one transaction per 5,000 tickets.
     */
    private static Raw rawInsert(Path dataDir, List<TicketHistory> rows, LoadBenchServer server) throws Exception {
        // the store's own settings (its cache, forms kept in their rows): the floor of this store
        String url = LocalStore.jdbcUrl(dataDir, LocalStore.AtClose.COMPACT);
        Raw took;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            // timed as the pull is: from the store open to the last commit (neither counts the close)
            long t0 = System.nanoTime();
            Cpu before = Cpu.now(server);
            ThreadCpu threads = new ThreadCpu();
            c.setAutoCommit(false);
            try (PreparedStatement pt = c.prepareStatement(
                            "INSERT INTO ticket (id, ticket_no, item_code, county_code,"
                                    + " county_name, township_code, township_name, village_code, village_name, applicant_name,"
                                    + " applicant_id_number, applicant_phone, channel, raised_by, submitted_at, dispatched_at, current_step,"
                                    + " status, concluded_at, outcome, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)");
                    PreparedStatement pe =
                            c.prepareStatement("INSERT INTO ticket_event (id, ticket_id, seq, actor, at, action,"
                                    + " from_step, to_step, note, outcome) VALUES (?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement pf =
                            c.prepareStatement("INSERT INTO ticket_form (ticket_id, forms) VALUES (?,?)")) {
                int n = 0;
                int events = 0;
                for (TicketHistory h : rows) {
                    Ticket t = h.ticket();
                    int i = 1;
                    pt.setObject(i++, t.id());
                    pt.setString(i++, t.ticketNo());
                    pt.setString(i++, t.itemCode());
                    pt.setString(i++, t.county().code());
                    pt.setString(i++, t.county().name());
                    pt.setString(i++, t.township().code());
                    pt.setString(i++, t.township().name());
                    pt.setString(i++, t.village().code());
                    pt.setString(i++, t.village().name());
                    pt.setString(i++, t.applicant().name());
                    pt.setString(i++, t.applicant().idNumber());
                    pt.setString(i++, t.applicant().phone());
                    pt.setString(i++, t.channel().name());
                    pt.setString(i++, t.raisedBy());
                    pt.setTimestamp(i++, ts(t.submittedAt()));
                    pt.setTimestamp(i++, ts(t.dispatchedAt()));
                    pt.setString(i++, t.currentStep());
                    pt.setString(i++, t.status().name());
                    pt.setTimestamp(i++, ts(t.concludedAt()));
                    pt.setString(i, t.outcome());
                    pt.addBatch();
                    StringBuilder forms = new StringBuilder("{");
                    for (TicketEvent e : h.events()) {
                        pe.setObject(1, e.id());
                        pe.setObject(2, e.ticketId());
                        pe.setInt(3, e.seq());
                        pe.setString(4, e.actor());
                        pe.setTimestamp(5, ts(e.at()));
                        pe.setString(6, e.action());
                        pe.setString(7, e.fromStep());
                        pe.setString(8, e.toStep());
                        pe.setString(9, e.note());
                        pe.setString(10, e.outcome());
                        pe.addBatch();
                        forms.append(forms.length() == 1 ? "" : ",")
                                .append('"')
                                .append(e.id())
                                .append("\":")
                                .append(OperationCodec.write(e.formData()));
                        events++;
                    }
                    pf.setObject(1, t.id());
                    pf.setString(2, forms.append('}').toString());
                    pf.addBatch();
                    if (++n % 1000 == 0) {
                        pt.executeBatch();
                        pe.executeBatch();
                        pf.executeBatch();
                    }
                    if (n % 5000 == 0) {
                        c.commit();
                    }
                }
                pt.executeBatch();
                pe.executeBatch();
                pf.executeBatch();
                c.commit();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                Cpu cpu = Cpu.now(server).since(before);
                threads.close();
                took = new Raw(ms, cpu, threads.describe());
                LOG.info("Raw insert: {} tickets, {} events", n, events);
            }
        }
        return took;
    }

    /** The middle value (of an even count, the mean of the two middle ones). */
    private static double median(List<? extends Number> values) {
        double[] sorted =
                values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The median of times in whole milliseconds (a half dropped, as before). */
    private static long medianMs(List<Long> values) {
        return (long) median(values);
    }

    private static String join(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(" / "));
    }

    /** A store the run no longer needs (each is 600 MB or more). */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A raw insert's time, the CPU used meanwhile, and by which of the PC's threads. */
    private record Raw(long ms, Cpu cpu, String threads) {}

    /**
     * CPU used so far, in seconds: by this benchmark's JVM (the PC), by its calling thread (the
     * pull's writer; the raw insert), and by the central store's process (-1 when not known); and
     * how long the calling thread was ready to run but waited for a core (Linux's
     * {@code /proc/thread-self/schedstat}, its second figure; -1 elsewhere). On two cores a pull
     * that needs more CPU than the insert cannot match its time: the wait shows by how much.
     */
    private record Cpu(double process, double thread, double server, double waited) {

        private static final Path OWN_SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

        static Cpu now(LoadBenchServer server) {
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Cpu(
                    os.getProcessCpuTime() / 1e9,
                    ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9,
                    server.cpuSeconds(),
                    waitedForACore());
        }

        private static double waitedForACore() {
            try {
                return Long.parseLong(Files.readString(OWN_SCHEDSTAT).trim().split("\\s+")[1]) / 1e9;
            } catch (IOException | RuntimeException e) {
                return -1; // not Linux, or not this kernel's format
            }
        }

        Cpu since(Cpu start) {
            return new Cpu(
                    process - start.process,
                    thread - start.thread,
                    server < 0 || start.server < 0 ? -1 : server - start.server,
                    waited < 0 || start.waited < 0 ? -1 : waited - start.waited);
        }

        /**
         * E.g. "PC process 14.1 s (writing thread 4.4 s, waiting for a core 1.2 s; its other threads
         * 9.7 s), central store 2.0 s: 16.1 s of CPU in 8,452 ms, 1.90 of 2 cores busy".
         */
        String describe(String threadDoes, long wallMs) {
            double all = process + Math.max(0, server);
            return String.format(
                    Locale.ROOT,
                    "PC process %.1f s (%s thread %.1f s%s, its other threads %.1f s), central store %s:"
                            + " %.1f s of CPU in %,d ms, %.2f of %d cores busy",
                    process,
                    threadDoes,
                    thread,
                    waited < 0 ? "" : String.format(Locale.ROOT, ", waiting for a core %.1f s", waited),
                    process - thread,
                    server < 0 ? "not known" : String.format(Locale.ROOT, "%.1f s", server),
                    all,
                    wallMs,
                    all / (wallMs / 1000.0),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
