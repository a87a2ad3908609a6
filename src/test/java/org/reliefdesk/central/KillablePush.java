package org.reliefdesk.central;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.sample.FormFaker;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.User;
import org.reliefdesk.store.LocalStore;

/** A sync run in a child JVM (the real command line), so a test can kill it with the operating system's hand. */
final class KillablePush {

    private KillablePush() {}

    /** Opens {@code n} minimum-living-allowance tickets on the PC, as the civil-affairs clerk does offline. */
    static void openTickets(LocalStore store, int n, Clock clock) {
        TicketOpening opening = new TicketOpening(SyncWorld.CATALOG, clock);
        TicketLineCodec codec = new TicketLineCodec(SyncWorld.CATALOG);
        Place county = new Place(SyncWorld.COUNTY_A, "禄劝彝族苗族自治县");
        Place township = store.tickets().townshipsOf(SyncWorld.COUNTY_A).get(0);
        Place village = store.tickets().villagesOf(township.code()).get(0);
        Map<String, Object> application = FormFaker.happy(SyncWorld.CATALOG)
                .fill(SyncWorld.CATALOG.applicationFormOf("minimum_living_allowance"), Map.of(), clock.instant());
        for (int i = 0; i < n; i++) {
            store.tickets()
                    .insertOpened(
                            opening.open(
                                    new TicketOpening.Request(
                                            "minimum_living_allowance",
                                            county,
                                            township,
                                            village,
                                            "张" + i,
                                            "11010519491231002X",
                                            "13812345678",
                                            IntakeChannel.GOVERNMENT_FOUND,
                                            "干部排查 王" + i,
                                            application),
                                    SyncWorld.CIVIL_A),
                            codec);
        }
    }

    /** A child sync and the file its output goes to. */
    record Child(Process process, File log) {
        String output() {
            try {
                return Files.readString(log.toPath());
            } catch (IOException e) {
                return "(no output: " + e.getMessage() + ")";
            }
        }
    }

    static Child syncInChild(SyncWorld world, Path dataDir, User user, int batch) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.reliefdesk.app.Main",
                "sync",
                "--central",
                world.url(),
                "--user",
                user.username(),
                "--data-dir",
                dataDir.toString(),
                "--batch",
                Integer.toString(batch)));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("RELIEFDESK_PASSWORD", SyncWorld.PASSWORD);
        File log = dataDir.resolveSibling(dataDir.getFileName() + "-child-" + System.nanoTime() + ".log")
                .toFile();
        pb.redirectErrorStream(true).redirectOutput(log);
        return new Child(pb.start(), log);
    }

    record Killed(long appliedAtKill) {}

    /**
     * Starts a sync pushing two operations a request and kills its JVM once the central store has
     * applied some of them; returns how many were applied when the dust settled.
     */
    static Killed killMidway(SyncWorld world, Path dataDir, User user, long auditBefore, int total) throws Exception {
        Process p = syncInChild(world, dataDir, user, 2).process();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && p.isAlive()) {
            long applied = world.central.ops().auditCount() - auditBefore;
            if (applied > 0) {
                p.destroyForcibly();
                break;
            }
            Thread.sleep(2);
        }
        p.waitFor();
        Thread.sleep(300);
        return new Killed(world.central.ops().auditCount() - auditBefore);
    }
}
