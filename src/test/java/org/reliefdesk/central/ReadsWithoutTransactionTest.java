package org.reliefdesk.central;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.sync.OpResult;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.sync.PullPage;
import org.reliefdesk.sync.CentralClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a pull and a push ask the central store's database, counted at its connections: reads
 * run as statements of their own, with no COMMIT after them, and the token with its user is one
 * statement. On PostgreSQL each statement and each COMMIT is a round trip to another process,
 * which waits for a core on a busy machine (docs/benchmarks.md, "Reads without a transaction").
 */
class ReadsWithoutTransactionTest {

    @TempDir
    Path dir;

    private SyncWorld world;
    private DatabaseCalls calls;
    private CentralServer server;

    @BeforeEach
    void start() throws Exception {
        world = new SyncWorld(
                dir, "jdbc:h2:file:" + dir.resolve("central").resolve("central").toAbsolutePath(), 200, 20);
        calls = new DatabaseCalls(world.central.database().dataSource());
        server = CentralServer.start(
                new CentralStore(CentralDatabase.over(calls.dataSource()), SyncWorld.CATALOG, world.clock),
                "127.0.0.1",
                0);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aPullCommitsNothingAndChecksItsTokenInOneStatement() throws Exception {
        CentralClient client = new CentralClient(server.url(), Duration.ofSeconds(20));
        String token = client.signIn(SyncWorld.WATER_A.username(), SyncWorld.PASSWORD.toCharArray(), "pc-1")
                .token();
        calls.take();

        PullPage page = client.pull(token, 0, 500, true);

        assertFalse(page.changes().isEmpty(), "the water clerk's tickets came");
        List<DatabaseCalls.Use> uses = calls.take();
        assertEquals(2, uses.size(), "the token, then the page: " + uses);
        for (DatabaseCalls.Use u : uses) {
            assertTrue(u.autocommit, "read without a transaction: " + u);
            assertEquals(0, u.commits, u.toString());
            assertEquals(0, u.rollbacks, u.toString());
        }
        assertEquals(1, uses.get(0).statements.size(), "the token with its user, one statement: " + uses.get(0));
        assertEquals(1, uses.get(0).naming("auth_token"));
        assertEquals(0, uses.get(1).naming("auth_token"), "the page reads no token again");
    }

    @Test
    void aPushCommitsOnlyItsCountysTurn() throws Exception {
        Operation op;
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A)) {
            a.sync();
            a.act(a.actionable().orElseThrow());
            op = a.store
                    .outbox()
                    .pending(SyncWorld.WATER_A.username(), 1)
                    .get(0)
                    .operation();
        }
        CentralClient client = new CentralClient(server.url(), Duration.ofSeconds(20));
        String token = client.signIn(SyncWorld.WATER_A.username(), SyncWorld.PASSWORD.toCharArray(), "pc-1")
                .token();
        calls.take();

        OpResult result = client.push(token, List.of(op)).get(0);

        assertEquals(OpResult.Outcome.APPLIED, result.outcome(), result.toString());
        List<DatabaseCalls.Use> uses = calls.take();
        assertEquals(3, uses.size(), "the token, the ticket as it was, the county's turn: " + uses);
        for (DatabaseCalls.Use u : uses.subList(0, 2)) {
            assertTrue(u.autocommit, "read without a transaction: " + u);
            assertEquals(1, u.statements.size(), u.toString());
            assertEquals(0, u.commits + u.rollbacks, u.toString());
        }
        DatabaseCalls.Use turn = uses.get(2);
        assertFalse(turn.autocommit, "the turn writes in a transaction: " + turn);
        assertEquals(1, turn.commits, turn.toString());
        assertTrue(turn.naming("applied_op") > 0, "the audit row is written in the turn: " + turn);
        assertEquals(0, turn.naming("auth_token"), "the turn reads no token");
    }
}
