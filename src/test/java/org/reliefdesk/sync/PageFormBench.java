package org.reliefdesk.sync;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reliefdesk.central.ServedPage;
import org.reliefdesk.central.TicketsAsObjects;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.interchange.TicketIngest;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.logic.sync.OperationCodec;
import org.reliefdesk.logic.sync.PullPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark (mvn -Pbench verify -Dtest=PageFormBench; measures, asserts nothing): one pull page of
 * 1,000 generated tickets, each ticket sent as a string (as before {@code tickets=objects}) and
 * as an object, made as the central store makes it and read as the PC's reading thread reads it
 * (the page, then each ticket decoded, bounded and replayed). In one JVM, each side's CPU time
 * (this thread's) per page, the median of {@code -Dbench.pageRounds} (40) rounds after as many
 * to warm up, the two forms taken in turn. The string form is read as the PC read it before:
 * the page by Jackson, then each line parsed again.
 */
class PageFormBench {

    private static final Logger LOG = LoggerFactory.getLogger(PageFormBench.class);
    private static final int ROUNDS = Integer.getInteger("bench.pageRounds", 40);
    private static final int TICKETS = 1000;

    @Test
    void aPageAsStringsAndAsObjects() throws Exception {
        Catalog catalog = CatalogLoader.loadBuiltIn();
        Instant asOf = Instant.parse("2026-11-30T02:00:00Z");
        TicketLineCodec codec = new TicketLineCodec(catalog);
        List<ServedPage.Line> changes = new ArrayList<>();
        long n = 0;
        for (var h : new SampleGenerator(catalog).generate(SampleGenerator.DEFAULT_SEED, asOf, TICKETS)) {
            changes.add(new ServedPage.Line(++n, codec.write(h).getBytes(StandardCharsets.UTF_8)));
        }
        ServedPage page = new ServedPage(changes, n, true, -1, List.of(), List.of(), "bench-store", List.of(), false);
        ObjectMapper json = OperationCodec.json(); // the central store's mapper, and the PC's
        TicketIngest ingest = new TicketIngest(catalog, name -> Optional.empty());
        LocalDate today = LocalDate.of(2026, 12, 1);
        ObjectMapper strings = TicketsAsObjects.strings(json);
        byte[] asStrings = strings.writeValueAsBytes(page);
        ObjectMapper objects = TicketsAsObjects.objects(json);
        byte[] asObjects = objects.writeValueAsBytes(page);

        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[][] ns = new long[6][ROUNDS];
        for (int round = -ROUNDS; round < ROUNDS; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            strings.writeValueAsBytes(page);
            long t1 = cpu.getCurrentThreadCpuTime();
            objects.writeValueAsBytes(page);
            long t2 = cpu.getCurrentThreadCpuTime();
            for (PullPage.Change c : json.readValue(asStrings, PullPage.class).changes()) {
                ingest.read(c.ticket(), 1, today);
            }
            long t3 = cpu.getCurrentThreadCpuTime();
            PulledPage read = PullPageReader.read(PageBytes.read(new ByteArrayInputStream(asObjects)), true);
            for (PulledTicket t : read.tickets()) {
                ingest.read(t.fields(), t.utf8Bytes(), t::line, 1, today);
            }
            long t4 = cpu.getCurrentThreadCpuTime();
            json.readValue(asStrings, PullPage.class);
            long t5 = cpu.getCurrentThreadCpuTime();
            PullPageReader.read(PageBytes.read(new ByteArrayInputStream(asObjects)), false)
                    .asPullPage();
            long t6 = cpu.getCurrentThreadCpuTime();
            if (round >= 0) {
                ns[4][round] = t5 - t4;
                ns[5][round] = t6 - t5;
                ns[0][round] = t1 - t0;
                ns[1][round] = t2 - t1;
                ns[2][round] = t3 - t2;
                ns[3][round] = t4 - t3;
            }
        }
        String report = String.format(
                Locale.ROOT,
                "ReliefDesk page form benchmark, %s, JDK %s, %d cores, JVM options %s%n"
                        + "one page of %d tickets: %,d bytes with tickets as strings, %,d as objects%n"
                        + "central store making the page (CPU, median of %d): strings %.1f ms, objects %.1f ms%n"
                        + "PC reading the page and checking its tickets (CPU, median of %d): strings %.1f ms,"
                        + " objects %.1f ms%n"
                        + "reading the page for its lines only (load benchmark's simulated PCs; CPU, median of %d):"
                        + " strings %.1f ms, objects %.1f ms%n",
                Instant.now(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-XX:"))
                        .toList(),
                TICKETS,
                asStrings.length,
                asObjects.length,
                ROUNDS,
                median(ns[0]),
                median(ns[1]),
                ROUNDS,
                median(ns[2]),
                median(ns[3]),
                ROUNDS,
                median(ns[4]),
                median(ns[5]));
        Path out = Path.of("target", "bench", "page-form.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LOG.info("\n{}", report);
    }

    private static double median(long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
