package org.reliefdesk.sync;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU this JVM's Java threads used while something ran, by thread name (numbers in names
 * folded: {@code HttpClient-N-Worker-N}), read every 50 ms so that a thread ending meanwhile
 * (the pull's reader) still counts. What the JVM's own threads use (compiler, collector) is
 * not among them: it is the process's CPU less the sum.
 */
final class ThreadCpu implements AutoCloseable {

    private static final long EVERY_MS = 50;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** By thread id: its name, its CPU when first seen (0 for one started meanwhile), and when last seen. */
    private final Map<Long, Seen> seen = new HashMap<>();

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
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join();
        read(false);
    }

    /** E.g. "main 4.10 s, H2-serialization 2.41 s, reliefdesk-pull-ahead 1.63 s" (from 0.05 s on, most first). */
    synchronized String describe() {
        Map<String, Long> byName = new HashMap<>();
        seen.values().forEach(s -> byName.merge(s.name(), s.last() - s.first(), Long::sum));
        return byName.entrySet().stream()
                .filter(e -> e.getValue() >= 50_000_000L && !e.getKey().equals("thread-cpu-reader"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue() / 1e9))
                .collect(Collectors.joining(", "));
    }
}
