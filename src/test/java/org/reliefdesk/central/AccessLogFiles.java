package org.reliefdesk.central;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The access log files a test's server writes in a directory ({@code access-…}), read as whoever
 * looks after the server would read them: whole lines only, a line still being written is not yet
 * one. Jetty writes a request's line after the answer's last byte has gone, so a client can hold
 * its answer before the line is written (a server stopped meanwhile still writes it, see
 * {@code AccessLogTest}): a test waits for the lines it expects before it reads them.
 */
final class AccessLogFiles {

    private static final long PATIENCE_SECONDS = 10;

    private AccessLogFiles() {}

    /** Each file's whole lines, by file name. */
    static SortedMap<Path, List<String>> read(Path dir) throws IOException {
        SortedMap<Path, List<String>> files = new TreeMap<>();
        try (var paths = Files.list(dir)) {
            for (Path f : paths.filter(f -> f.getFileName().toString().startsWith("access-"))
                    .toList()) {
                String text = Files.readString(f);
                files.put(
                        f, text.substring(0, text.lastIndexOf('\n') + 1).lines().toList());
            }
        }
        return files;
    }

    /** All files' whole lines, the files in name order (a day's file after the day before). */
    static List<String> lines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        read(dir).values().forEach(lines::addAll);
        return lines;
    }

    /** Waits, ten seconds at most, until the lines are {@code done}; the caller asserts on them after. */
    static void await(Path dir, Predicate<List<String>> done) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!done.test(lines(dir)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
