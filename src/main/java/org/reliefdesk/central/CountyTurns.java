package org.reliefdesk.central;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

/**
 * A county's writers on this server take turns here, in arrival order, before they borrow a
 * database connection. The county's counter row still orders writers across servers; without
 * this queue every writer waiting for that row would hold a pooled connection while it waits, and
 * a busy county's pushes would leave none for anybody's pulls. Counties come from stored tickets
 * and user records, never from the wire, so the map stays as small as the province.
 *
 * <p>Writers that queued while the county was busy go together: the first of them runs every
 * writer waiting behind it (up to {@link #MOST_IN_ONE_TRANSACTION}, in arrival order) in one
 * transaction, each in a savepoint of its own, then wakes them all at once. One at a time, every
 * writer had to wait for the one before it to be woken and given a core; with two cores busy
 * serving a morning's first pulls, those hand-overs were most of a push's wait. A writer that
 * fails is rolled back to its savepoint and told so alone; the others are committed. A writer
 * alone runs in a transaction of its own, as before.
 */
final class CountyTurns {

    /** As long as a writer waited for the counter row in the database before this queue. */
    static final long WAIT_SECONDS = 10;

    /** Writers run in one transaction at most: bounds how long the county's row is held at once. */
    static final int MOST_IN_ONE_TRANSACTION = 32;

    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final DataSource data;
    private final long waitNanos;

    CountyTurns(DataSource data) {
        this(data, TimeUnit.SECONDS.toNanos(WAIT_SECONDS));
    }

    /** @param waitNanos how long a writer waits for its turn before it gives up (tests shorten it) */
    CountyTurns(DataSource data, long waitNanos) {
        this.data = data;
        this.waitNanos = waitNanos;
    }

    /** Runs {@code work} in a transaction when the county's earlier writers are done; its result or its failure. */
    <T> T inTurn(String county, CentralDatabase.SqlWork<T> work) {
        Lane lane = lanes.computeIfAbsent(county, k -> new Lane());
        Turn<T> mine = new Turn<>(work, lane.lock.newCondition());
        List<Turn<?>> batch = lane.waitFor(mine, waitNanos, county);
        if (batch != null) {
            try {
                run(batch);
            } finally {
                lane.finish(batch);
            }
        }
        return mine.outcome();
    }

    /** How many of the county's writers wait for their turn (for tests). */
    int queued(String county) {
        Lane lane = lanes.get(county);
        if (lane == null) {
            return 0;
        }
        lane.lock.lock();
        try {
            return lane.queue.size();
        } finally {
            lane.lock.unlock();
        }
    }

    /** One transaction for the batch; each writer in a savepoint when there are several. */
    private void run(List<Turn<?>> batch) {
        try (Connection c = data.getConnection()) {
            try {
                boolean alone = batch.size() == 1;
                for (Turn<?> t : batch) {
                    Savepoint before = alone ? null : c.setSavepoint();
                    try {
                        // not released: the commit ends every savepoint, and each release is one more
                        // round trip to the database while the county waits (at most 32 nest)
                        t.run(c);
                    } catch (SQLException | RuntimeException | Error e) {
                        if (before == null) {
                            c.rollback();
                        } else {
                            c.rollback(before);
                        }
                        t.failed(e);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                // a rollback or the commit itself failed: nothing of the batch is stored
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; the pool drops it
                }
                batch.forEach(t -> t.lost(e));
            }
        } catch (SQLException e) {
            batch.forEach(t -> t.lost(e));
        }
    }

    /** A county's queue: who waits, and whether someone is running a batch. */
    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final ArrayDeque<Turn<?>> queue = new ArrayDeque<>();
        /** Someone runs a batch, or was told to: the queue's head waits for them, not for itself. */
        boolean running;

        /**
         * Waits until {@code mine} was run by the writer ahead of it (null) or it is at the head of
         * the queue with no one running (the batch it runs, itself first).
         */
        List<Turn<?>> waitFor(Turn<?> mine, long waitNanos, String county) {
            lock.lock();
            try {
                queue.add(mine);
                if (!running) {
                    running = true;
                    return take();
                }
                long left = waitNanos;
                boolean interrupted = false;
                try {
                    while (!mine.done && !mine.leads) {
                        boolean queued = queue.contains(mine);
                        if (queued && left <= 0) {
                            queue.remove(mine);
                            throw new CentralException(
                                    "county " + county + ": no turn to write within " + WAIT_SECONDS + " s");
                        }
                        try {
                            if (queued) {
                                left = mine.wake.awaitNanos(left);
                            } else {
                                mine.wake.await(); // taken into a batch: it ends with the database's own lock timeout
                            }
                        } catch (InterruptedException e) {
                            // told to run the next batch: it runs, or the county's queue would stop
                            if (!mine.leads && queue.remove(mine)) {
                                Thread.currentThread().interrupt();
                                throw new CentralException(
                                        "county " + county + ": interrupted while waiting to write", e);
                            }
                            interrupted = true;
                        }
                    }
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
                return mine.leads ? take() : null;
            } finally {
                lock.unlock();
            }
        }

        /** The writers at the head of the queue, taken out of it (called holding the lock). */
        private List<Turn<?>> take() {
            List<Turn<?>> batch = new ArrayList<>();
            while (!queue.isEmpty() && batch.size() < MOST_IN_ONE_TRANSACTION) {
                batch.add(queue.poll());
            }
            return batch;
        }

        /** The batch is committed (or not): its writers are woken, and the next in the queue runs. */
        void finish(List<Turn<?>> batch) {
            lock.lock();
            try {
                for (Turn<?> t : batch) {
                    t.done = true;
                    t.wake.signal();
                }
                Turn<?> next = queue.peek();
                running = next != null;
                if (next != null) {
                    next.leads = true;
                    next.wake.signal();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** One writer's work, and what came of it. */
    private static final class Turn<T> {
        final CentralDatabase.SqlWork<T> work;
        final Condition wake;
        /** Set under the lane's lock. */
        boolean done;

        boolean leads;
        private T result;
        private Throwable failure;

        Turn(CentralDatabase.SqlWork<T> work, Condition wake) {
            this.work = work;
            this.wake = wake;
        }

        void run(Connection c) throws SQLException {
            result = work.run(c);
        }

        /** Its own work failed (rolled back to its savepoint). */
        void failed(Throwable e) {
            failure = e;
        }

        /** The batch's transaction failed: whatever this writer did is not stored. */
        void lost(Throwable e) {
            if (failure == null) {
                failure = e;
            }
        }

        /** As {@link CentralDatabase#inTransaction} answered: the result, the work's own exception, or a database failure. */
        T outcome() {
            if (failure == null) {
                return result;
            }
            if (failure instanceof SQLException e) {
                throw new CentralException("database: " + e.getMessage(), e);
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            throw (Error) failure;
        }
    }
}
