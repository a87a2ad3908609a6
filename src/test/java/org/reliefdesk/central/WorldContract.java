package org.reliefdesk.central;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract of the central store and its PCs, run on each database by subclass (an H2 file, and
 * PostgreSQL when the build has one): every test starts with a {@link SyncWorld} of its own on a
 * fresh, empty central database, closed after it.
 */
abstract class WorldContract {

    @TempDir
    Path dir;

    SyncWorld world;

    private final String worldDir;
    private final int ticketsA;
    private final int ticketsB;

    /**
     * @param worldDir the world's folder under the test's ({@code ""}: the test's own)
     * @param ticketsA county A's generated tickets
     * @param ticketsB county B's
     */
    WorldContract(String worldDir, int ticketsA, int ticketsB) {
        this.worldDir = worldDir;
        this.ticketsA = ticketsA;
        this.ticketsB = ticketsB;
    }

    /** A fresh, empty central database for one test. */
    abstract String freshDatabase(Path dir) throws Exception;

    @BeforeEach
    void start() throws Exception {
        Path at = dir.resolve(worldDir);
        world = new SyncWorld(at, freshDatabase(at), ticketsA, ticketsB);
    }

    @AfterEach
    void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }
}
