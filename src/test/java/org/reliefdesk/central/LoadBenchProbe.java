package org.reliefdesk.central;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.reliefdesk.logic.sync.PullPage;
import org.reliefdesk.sync.CentralClient;

/**
 * {@link LoadBench}'s probe PC as a process of its own: one PC, on a JVM of its own as a PC in a
 * county is a machine of its own, so what it measures is the central store and the machine's
 * cores, not the simulated PCs' collections and 400 threads in the JVM it would otherwise share.
 *
 * <p>Arguments: the central store's URL, a user name and its password. It signs in, then reads
 * commands on its standard input, one per line:
 * <ul>
 *   <li>{@code idle C}: 300 pulls after cursor C that warm its code and are not counted, then
 *       {@link LoadBench#IDLE_PULLS}, 50 ms apart, then quiet;
 *   <li>{@code storm C}: a pull after C every 250 ms;
 *   <li>{@code loaded C}: the same, the cursor moving on with each page, as the in-process probe's;
 *   <li>{@code quiet}, {@code exit} (and the end of its input).
 * </ul>
 * Each pull is one line on its standard output, {@code sample PHASE START_MS TOOK_MS} (its start as
 * the wall clock reads it: two JVMs share no nano clock) or {@code error PHASE}; {@code ready}
 * after the sign-in, {@code done idle} after the idle pulls.
 */
public final class LoadBenchProbe {

    private static final int IDLE_PULLS = LoadBench.IDLE_PULLS;
    /** Pulls before the idle ones, not counted: the in-process probe's JVM has served the warm-up, this one has not. */
    private static final int WARM_PULLS = 300;

    private static volatile String phase = "quiet";
    private static volatile long cursor;

    private LoadBenchProbe() {}

    /** The probe's process, seen from the benchmark: commands in, samples out as {@link LoadBench.Series}. */
    static final class Running implements AutoCloseable {
        private final Process process;
        private final PrintStream commands;
        private final Map<String, LoadBench.Series> series = new ConcurrentHashMap<>();
        private final CountDownLatch ready = new CountDownLatch(1);
        private final Semaphore idleDone = new Semaphore(0);
        private final long nanoRef;
        private final long wallRef;

        private Running(Process process, long nanoRef, long wallRef) {
            this.process = process;
            this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.nanoRef = nanoRef;
            this.wallRef = wallRef;
            Thread reader = new Thread(this::readSamples, "probe-samples");
            reader.setDaemon(true);
            reader.start();
        }

        /**
         * {@code java -Xmx256m -cp <this class path> LoadBenchProbe URL USER PASSWORD}, signed in when
         * this returns. Its samples' wall-clock starts are put on this JVM's nano clock by the pair
         * {@code nanoRef}/{@code wallRef} read together, so {@link LoadBench.Series#from} cuts them.
         */
        static Running start(String url, String user, String password, Path log, long nanoRef, long wallRef)
                throws IOException, InterruptedException {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            LoadBenchProbe.class.getName(),
                            url,
                            user,
                            password)
                    .redirectError(log.toFile())
                    .start();
            Running r = new Running(p, nanoRef, wallRef);
            if (!r.ready.await(60, TimeUnit.SECONDS) || !p.isAlive()) {
                p.destroyForcibly();
                throw new IOException("the probe process did not sign in: " + Files.readString(log));
            }
            return r;
        }

        /** The pulls of one phase ({@code idle}, {@code storm}, {@code loaded}). */
        LoadBench.Series series(String phase) {
            return series.computeIfAbsent(phase, k -> new LoadBench.Series());
        }

        void command(String line) {
            commands.println(line);
        }

        /** The idle pulls after {@code cursor}, 50 ms apart, the machine otherwise idle; returns when they are done. */
        void idle(long cursor) throws InterruptedException, IOException {
            command("idle " + cursor);
            if (!idleDone.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IOException("the probe process did not finish its idle pulls");
            }
        }

        private void readSamples() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] w = line.split(" ");
                    switch (w[0]) {
                        case "ready" -> ready.countDown();
                        case "done" -> idleDone.release();
                        case "sample" ->
                            series(w[1])
                                    .add(
                                            nanoRef + (Long.parseLong(w[2]) - wallRef) * 1_000_000,
                                            Double.parseDouble(w[3]));
                        case "error" -> series(w[1]).errors.incrementAndGet();
                        default -> {
                            // nothing else is written
                        }
                    }
                }
            } catch (IOException e) {
                ready.countDown(); // the process has gone; start() reports it
            }
        }

        @Override
        public void close() throws InterruptedException {
            command("exit");
            commands.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (CentralClient client = new CentralClient(args[0], Duration.ofSeconds(60))) {
            String token =
                    client.signIn(args[1], args[2].toCharArray(), "probe-own").token();
            Thread commands = new Thread(() -> readCommands(out), "probe-commands");
            commands.setDaemon(true);
            commands.start();
            out.println("ready");
            int idleLeft = IDLE_PULLS + WARM_PULLS;
            while (true) {
                String now = phase;
                if ("exit".equals(now)) {
                    return;
                }
                if ("quiet".equals(now)) {
                    Thread.sleep(20);
                    continue;
                }
                long wall = System.currentTimeMillis();
                long t = System.nanoTime();
                try {
                    PullPage page = client.pull(token, cursor, 50, false);
                    if (!"idle".equals(now) || idleLeft <= IDLE_PULLS) {
                        out.println("sample " + now + " " + wall + " " + (System.nanoTime() - t) / 1e6);
                    }
                    if ("loaded".equals(now)) {
                        cursor = page.next();
                    }
                } catch (IOException e) {
                    out.println("error " + now);
                }
                if ("idle".equals(now)) {
                    if (--idleLeft == 0) {
                        phase = "quiet";
                        idleLeft = IDLE_PULLS + WARM_PULLS;
                        out.println("done idle");
                    }
                    Thread.sleep(idleLeft > IDLE_PULLS ? 5 : 50);
                } else {
                    Thread.sleep(250);
                }
            }
        }
    }

    private static void readCommands(PrintStream out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] w = line.trim().split(" ");
                if (w.length > 1) {
                    cursor = Long.parseLong(w[1]);
                }
                phase = w[0];
            }
        } catch (IOException e) {
            out.println("error commands " + e);
        }
        phase = "exit"; // the benchmark has gone: so does the probe
    }
}
