package org.reliefdesk.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;
import org.junit.jupiter.api.Test;
import org.reliefdesk.app.H2Settings;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.TicketHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark (mvn -Pbench verify -Dtest=WritePathBench; measures, asserts nothing): the PC's write
 * path alone — a county's first pull written page by page ({@link TicketStore#replaceFromCentral},
 * 1,000 tickets a page, as a sync writes them) into an empty local store — with this schema and
 * with schema 13's primary key on the event's id put back, alternated in one JVM, the first
 * round of each left out as warm-up. Wall time and the process's CPU (H2's own threads and the
 * collector included) per round; results in {@code target/bench/write.txt}.
 */
class WritePathBench {

    static {
        H2Settings.apply();
    }

    private static final Logger LOG = LoggerFactory.getLogger(WritePathBench.class);
    private static final int COUNT = Integer.getInteger("bench.writeTickets", 50_000);
    private static final int ROUNDS = Integer.getInteger("bench.writeRounds", 3);
    private static final Path DIR = Path.of("target", "bench", "write");

    @Test
    void aCountysFirstPullWrittenPageByPage() throws Exception {
        List<TicketHistory> rows = new SampleGenerator(CatalogLoader.loadBuiltIn())
                .generate(SampleGenerator.DEFAULT_SEED, Instant.parse("2026-12-01T00:00:00Z"), COUNT);
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("schema 14 (events: uq_event_seq)", null);
        variants.put(
                "schema 13's key on the event id put back (events: key, uq_event_seq)",
                "ALTER TABLE ticket_event ADD PRIMARY KEY (id)");
        Map<String, List<String>> results = new LinkedHashMap<>();
        Files.createDirectories(DIR);
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, String> v : variants.entrySet()) {
                String figures = write(rows, v.getValue());
                LOG.info("round {} [{}]: {}", round, v.getKey(), figures);
                if (round > 0) {
                    results.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(figures);
                }
            }
        }
        List<String> report = new ArrayList<>();
        report.add("ReliefDesk write-path benchmark, " + COUNT + " tickets, " + Instant.now() + ", JDK "
                + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors()
                + String.format(
                        " cores, load %.2f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        results.forEach((k, l) -> report.add(k + ": " + String.join("; ", l)));
        Files.write(Path.of("target", "bench", "write.txt"), report);
        report.forEach(LOG::info);
    }

    /** One empty store, the pages written; "wall ms, CPU ms, file MB" (the file before any compaction). */
    private static String write(List<TicketHistory> rows, String change) throws Exception {
        Path dir = Files.createTempDirectory(DIR, "pc-");
        try {
            long wall;
            long cpu;
            try (LocalStore store = LocalStore.open(dir, LocalStore.AtClose.QUICK)) {
                if (change != null) {
                    store.inJdbcTransaction(c -> {
                        try (Statement s = c.createStatement()) {
                            s.execute(change);
                        }
                        return null;
                    });
                }
                long t0 = System.nanoTime();
                long c0 = cpu();
                for (int from = 0; from < rows.size(); from += 1000) {
                    List<TicketHistory> page = rows.subList(from, Math.min(rows.size(), from + 1000));
                    store.tickets()
                            .replaceFromCentral(
                                    ReadyTicket.all(page),
                                    List.of(),
                                    List.of(),
                                    "leader",
                                    from + 1000L,
                                    Instant.now(),
                                    h -> "");
                }
                wall = (System.nanoTime() - t0) / 1_000_000;
                cpu = (cpu() - c0) / 1_000_000;
            }
            long mb = Files.size(dir.resolve("db").resolve("reliefdesk.mv.db")) / (1024 * 1024);
            return String.format("%,d ms wall, %,d ms CPU, %,d MB", wall, cpu, mb);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
