package org.reliefdesk.sync;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU this JVM's threads used while something ran, by thread name (numbers in names folded:
 * {@code HttpClient-N-Worker-N}), read every 50 ms so that a thread ending meanwhile (the pull's
 * reader) still counts. Java threads are read from the JVM; the JVM's own threads (compilers,
 * collector, VM thread), which the JVM does not show, from Linux's {@code /proc/self/task} (its
 * {@code schedstat}: nanoseconds on a CPU); elsewhere they are left out.
 */
final class ThreadCpu implements AutoCloseable {

    private static final long EVERY_MS = 50;
    private static final Path TASKS = Path.of("/proc/self/task");

    /** The JVM's own threads by their Linux names (15 characters at most), and what they do. */
    private static final Map<String, String> JVM_THREADS = Map.of(
            "C1 CompilerThre", "compiler",
            "C2 CompilerThre", "compiler",
            "GC Thread#", "collector",
            "G1 ", "collector",
            "VM Thread", "VM thread");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** By thread id: its name, its CPU when first seen (0 for one started meanwhile), and when last seen. */
    private final Map<Long, Seen> seen = new HashMap<>();

    /** The JVM's own threads, by Linux's thread id: what they do, and their CPU as above. */
    private final Map<Long, Seen> jvmSeen = new HashMap<>();

    /** What each Linux thread seen so far does, "" for any but the JVM's own: its name read once. */
    private final Map<Long, String> kinds = new HashMap<>();

    private final Thread reader;
    private volatile boolean running = true;

    private record Seen(String name, long first, long last) {}

    ThreadCpu() {
        read(true);
        reader = new Thread(this::readUntilClosed, "thread-cpu-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readUntilClosed() {
        while (running) {
            try {
                Thread.sleep(EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
            read(false);
        }
    }

    private synchronized void read(boolean atStart) {
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu < 0) {
                continue; // ended just now, or not measured
            }
            Seen s = seen.get(id);
            if (s != null) {
                seen.put(id, new Seen(s.name(), s.first(), cpu));
                continue;
            }
            ThreadInfo info = threads.getThreadInfo(id);
            String name = info == null ? "?" : info.getThreadName().replaceAll("-\\d+", "-N");
            seen.put(id, new Seen(name, atStart ? cpu : 0, cpu));
        }
        readJvmThreads(atStart);
    }

    /** The JVM's own threads, where Linux shows them; elsewhere none. */
    private void readJvmThreads(boolean atStart) {
        if (!Files.isDirectory(TASKS)) {
            return;
        }
        List<Path> tasks;
        try (Stream<Path> listed = Files.list(TASKS)) {
            tasks = listed.toList();
        } catch (IOException e) {
            return;
        }
        for (Path task : tasks) {
            try {
                long tid = Long.parseLong(task.getFileName().toString());
                String does = kinds.get(tid);
                if (does == null) {
                    does = doing(Files.readString(task.resolve("comm")).strip());
                    kinds.put(tid, does);
                }
                if (does.isEmpty()) {
                    continue;
                }
                long cpu = Long.parseLong(
                        Files.readString(task.resolve("schedstat")).split(" ")[0]);
                Seen s = jvmSeen.get(tid);
                jvmSeen.put(tid, new Seen(does, s != null ? s.first() : atStart ? cpu : 0, cpu));
            } catch (IOException ended) {
                // the thread ended between the listing and the reading
            }
        }
    }

    /** What a thread does if its Linux name is one of the JVM's own threads', else "". */
    private static String doing(String comm) {
        return JVM_THREADS.entrySet().stream()
                .filter(e -> comm.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join();
        read(false);
    }

    /**
     * E.g. "main 4.10 s, H2-serialization 2.41 s, reliefdesk-pull-ahead 1.63 s; the JVM's own:
     * compiler 2.90 s, collector 1.02 s, VM thread 0.12 s" (from 0.05 s on, most first).
     */
    synchronized String describe() {
        String own = sum(jvmSeen);
        return sum(seen) + (own.isEmpty() ? "" : "; the JVM's own: " + own);
    }

    private static String sum(Map<Long, Seen> byThread) {
        Map<String, Long> byName = new HashMap<>();
        byThread.values().forEach(s -> byName.merge(s.name(), s.last() - s.first(), Long::sum));
        return byName.entrySet().stream()
                .filter(e -> e.getValue() >= 50_000_000L && !e.getKey().equals("thread-cpu-reader"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue() / 1e9))
                .collect(Collectors.joining(", "));
    }
}
