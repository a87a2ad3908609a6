package org.reliefdesk.central;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.reliefdesk.logic.catalog.Catalog;

/**
 * The central store {@link LoadBench} loads: a process of its own started with the program's
 * {@code central} command on the benchmark's database, or (for comparison) a server in the
 * benchmark's JVM.
 */
public interface LoadBenchServer extends AutoCloseable {

    /** The access log's file name in the benchmark's folder (a new file each day). */
    String ACCESS_LOG = "access-yyyy_mm_dd.log";

    String url();

    /** What the server used: its own process's CPU and resident memory, when it is one. */
    String describe(double seconds);

    /**
     * The CPU its own process has used since it started, in seconds; {@code -1} when it runs in
     * the benchmark's JVM or the system does not say (/proc, Linux).
     */
    double cpuSeconds();

    @Override
    void close() throws Exception;

    static LoadBenchServer inProcess(String jdbcUrl, Catalog catalog, Clock clock, Path dir) throws Exception {
        CentralStore store = CentralStore.open(jdbcUrl, catalog, clock);
        CentralServer server = CentralServer.start(store, "127.0.0.1", 0, dir.resolve(ACCESS_LOG));
        return new LoadBenchServer() {
            @Override
            public String url() {
                return "http://127.0.0.1:" + server.port();
            }

            @Override
            public String describe(double seconds) {
                return "server: in the benchmark's own JVM (-Dbench.inProcess=true)";
            }

            @Override
            public double cpuSeconds() {
                return -1;
            }

            @Override
            public void close() throws Exception {
                server.close();
                store.close();
            }
        };
    }

    /** {@code java -Xmx<heap> -cp <this class path> org.reliefdesk.app.Main central --port P --db URL}. */
    static LoadBenchServer process(String jdbcUrl, Path dir, String heap) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path log = dir.resolve("server.out");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        // e.g. -Dbench.serverJvm=-XX:StartFlightRecording=filename=target/bench/server.jfr
        String extra = System.getProperty("bench.serverJvm", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "org.reliefdesk.app.Main",
                "central",
                "--port",
                String.valueOf(port),
                "--db",
                jdbcUrl,
                "--data-dir",
                dir.resolve("server-data").toAbsolutePath().toString(),
                "--access-log",
                dir.resolve(ACCESS_LOG).toAbsolutePath().toString()));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        String url = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create(url + "/api/v1/versions"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                break; // any answer (401): it listens
            } catch (IOException notYet) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IOException("the central store did not start: " + Files.readString(log), notYet);
                }
                Thread.sleep(200);
            }
        }
        long pid = p.pid();
        long cpuAtStart = cpuTicks(pid);
        return new LoadBenchServer() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public double cpuSeconds() {
                long ticks = cpuTicks(pid);
                return ticks == 0 ? -1 : (ticks - cpuAtStart) / 100.0; // USER_HZ
            }

            @Override
            public String describe(double seconds) {
                double cpu = cpuSeconds();
                return String.format(
                        Locale.ROOT,
                        "server (own process, -Xmx%s): CPU %.1f s over %.1f s, resident peak %s",
                        heap,
                        cpu,
                        seconds,
                        LoadBench.residentPeak(Path.of("/proc", String.valueOf(pid), "status")));
            }

            @Override
            public void close() throws InterruptedException {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        };
    }

    /** utime + stime of a process, in clock ticks, from /proc (Linux; 0 elsewhere). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            return Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
