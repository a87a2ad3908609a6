package org.reliefdesk.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.TicketHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the demo county's tickets as an interchange file. */
@Command(
        name = "generate-sample",
        mixinStandardHelpOptions = true,
        description = "Generate the demo county's tickets (JSON Lines, see sample-data/README.md). "
                + "The same seed and as-of date always give the same file.")
public final class GenerateSampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--as-of",
            required = true,
            paramLabel = "DATE",
            description = "Date the sample is timed against (ISO, e.g. 2021-11-23): work is new, in progress "
                    + "or long open relative to 18:00 China time that day.")
    LocalDate asOf;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (replaced if present).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = SampleGenerator.DEFAULT_SEED;

    @Option(names = "--count", paramLabel = "N", description = "Number of tickets (default: ${DEFAULT-VALUE}).")
    int count = SampleGenerator.DEFAULT_COUNT;

    @Override
    public Integer call() throws IOException {
        if (count < 1) {
            spec.commandLine().getErr().println("--count: must be at least 1");
            return 2;
        }
        Catalog catalog = CatalogLoader.loadBuiltIn();
        List<TicketHistory> tickets = new SampleGenerator(catalog).generate(seed, asOf, count);
        TicketLineCodec codec = new TicketLineCodec(catalog);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (TicketHistory t : tickets) {
                w.write(codec.write(t));
                w.write('\n');
            }
        }
        long events = tickets.stream().mapToLong(t -> t.events().size()).sum();
        spec.commandLine()
                .getOut()
                .printf("generated %d tickets with %d events as of %s into %s%n", tickets.size(), events, asOf, out);
        return 0;
    }
}
