package org.reliefdesk.central;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A county's writers that queue share one transaction, each in a savepoint: on a real database
 * (H2 or PostgreSQL, by subclass), because PostgreSQL refuses every statement of a transaction
 * after one failed unless the savepoint is rolled back.
 */
abstract class CountyTurnsContract {

    private static final String COUNTY = "530128";

    @TempDir
    Path dir;

    private HikariDataSource data;
    private ExecutorService pool;

    /** A fresh, empty database for one test. */
    abstract String freshDatabase(Path dir) throws Exception;

    @BeforeEach
    void open() throws Exception {
        HikariConfig config = new HikariConfig();
        String url = freshDatabase(dir);
        config.setJdbcUrl(url);
        if (url.startsWith("jdbc:h2:")) {
            config.setUsername("sa");
            config.setPassword("");
        }
        config.setMaximumPoolSize(4);
        config.setAutoCommit(false);
        data = new HikariDataSource(config);
        try (Connection c = data.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE written (n INTEGER NOT NULL PRIMARY KEY)");
            c.commit();
        }
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        data.close();
    }

    @Test
    void writersThatQueuedRunInOneTransactionInOrderAndOneThatFailsIsRolledBackAlone() throws Exception {
        CountyTurns turns = new CountyTurns(data);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        Future<Integer> first = pool.submit(() -> turns.inTurn(COUNTY, c -> {
            insert(c, 0);
            await(release);
            return 0;
        }));
        waitUntilRunning(0);
        RuntimeException refusal = new IllegalStateException("a rule refused it after it wrote");
        List<Future<Integer>> queued = new ArrayList<>();
        int[] writes = {1, 2, 2, 3, 4};
        for (int i = 0; i < writes.length; i++) {
            int n = writes[i];
            boolean refuses = i == 4;
            queued.add(pool.submit(() -> turns.inTurn(COUNTY, c -> {
                ran.add(n);
                ranOn.add(Thread.currentThread());
                insert(c, n);
                if (refuses) {
                    throw refusal;
                }
                return n;
            })));
            waitUntilQueued(turns, i + 1);
        }
        release.countDown();
        assertEquals(0, first.get(10, TimeUnit.SECONDS));
        assertEquals(1, queued.get(0).get(10, TimeUnit.SECONDS));
        assertEquals(2, queued.get(1).get(10, TimeUnit.SECONDS));
        ExecutionException duplicate =
                assertThrows(ExecutionException.class, () -> queued.get(2).get(10, TimeUnit.SECONDS));
        assertInstanceOf(
                CentralException.class,
                duplicate.getCause(),
                "a database failure, as a transaction of its own said it");
        assertTrue(
                duplicate.getCause().getMessage().startsWith("database: "),
                duplicate.getCause().getMessage());
        assertEquals(3, queued.get(3).get(10, TimeUnit.SECONDS), "the writer after a failed one is stored");
        ExecutionException refused =
                assertThrows(ExecutionException.class, () -> queued.get(4).get(10, TimeUnit.SECONDS));
        assertSame(refusal, refused.getCause(), "the work's own exception reaches its caller");

        assertEquals(List.of(1, 2, 2, 3, 4), ran, "in the order they arrived");
        assertEquals(1, ranOn.stream().distinct().count(), "the five that queued ran together, on one thread");
        assertEquals(
                List.of(0, 1, 2, 3),
                stored(),
                "the duplicate and the refused writer's row are rolled back, nothing else");
    }

    @Test
    void aWriterThatGaveUpWaitingIsNeverRunAndTheQueueGoesOn() throws Exception {
        CountyTurns turns = new CountyTurns(data, TimeUnit.MILLISECONDS.toNanos(300));
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> first = pool.submit(() -> turns.inTurn(COUNTY, c -> {
            insert(c, 0);
            await(release);
            return 0;
        }));
        waitUntilRunning(0);
        CentralException gaveUp = assertThrows(
                CentralException.class,
                () -> turns.inTurn(COUNTY, c -> {
                    insert(c, 1);
                    return 1;
                }));
        assertTrue(gaveUp.getMessage().contains("no turn to write"), gaveUp.getMessage());
        Future<Integer> later = pool.submit(() -> turns.inTurn(COUNTY, c -> {
            insert(c, 2);
            return 2;
        }));
        waitUntilQueued(turns, 1);
        release.countDown();
        assertEquals(0, first.get(10, TimeUnit.SECONDS));
        assertEquals(2, later.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(0, 2), stored(), "the writer that was told it had no turn wrote nothing");
        assertEquals(7, (int) turns.inTurn("530129", c -> 7), "another county never waited");
        assertEquals(0, turns.queued(COUNTY));
    }

    @Test
    void aWriterAloneKeepsATransactionOfItsOwn() {
        CountyTurns turns = new CountyTurns(data);
        assertThrows(
                CentralException.class,
                () -> turns.inTurn(COUNTY, c -> {
                    insert(c, 5);
                    insert(c, 5);
                    return 5;
                }));
        assertEquals(List.of(), stored(), "its first row is rolled back with it");
        assertEquals(6, (int) turns.inTurn(COUNTY, c -> {
            insert(c, 6);
            return 6;
        }));
        assertEquals(List.of(6), stored());
        assertFalse(turns.queued(COUNTY) > 0);
    }

    private static void insert(Connection c, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO written (n) VALUES (?)")) {
            ps.setInt(1, n);
            ps.executeUpdate();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until the first writer's row is written (not yet committed): it holds the county's turn. */
    private void waitUntilRunning(int n) throws Exception {
        // its row is not visible before the commit, so wait for the pool's connection to be in use
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (data.getHikariPoolMXBean().getActiveConnections() < 1) {
            assertTrue(System.nanoTime() < until, "writer " + n + " never started");
            Thread.sleep(5);
        }
    }

    private static void waitUntilQueued(CountyTurns turns, int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (turns.queued(COUNTY) < n) {
            assertTrue(System.nanoTime() < until, n + " writers never queued");
            Thread.sleep(5);
        }
    }

    private List<Integer> stored() {
        try (Connection c = data.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT n FROM written ORDER BY n")) {
            List<Integer> n = new ArrayList<>();
            while (rs.next()) {
                n.add(rs.getInt(1));
            }
            c.commit();
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
