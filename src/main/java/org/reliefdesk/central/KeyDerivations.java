package org.reliefdesk.central;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The pool every sign-in's key derivation runs on: a password's derivation costs a few hundred
 * milliseconds of CPU, so one thread per core. A sign-in is queued only while the derivations
 * ahead of it, at the pace they have lately taken, leave it answered within
 * {@value #WAIT_BUDGET_MS} ms (and never more than {@value #QUEUE} wait); beyond that it is
 * answered 429 at once with a {@code Retry-After}. So no sign-in waits more than about 2 s for its
 * answer, on a small server or a large one. The request itself does not wait on a server thread —
 * its answer is written when the derivation is done — so however many PCs sign in together, the
 * server's threads stay free for pulls and pushes.
 */
final class KeyDerivations implements AutoCloseable {

    static final int QUEUE = 64;
    static final int RETRY_AFTER_SECONDS = 1;

    /** How long a queued sign-in may expect to wait for its derivation to end. */
    static final long WAIT_BUDGET_MS = 1500;

    /** A derivation's time before any is measured (600,000 rounds on one core of a small server). */
    private static final long FIRST_GUESS_MS = 300;

    /** Too many sign-ins at once: try again after {@link #RETRY_AFTER_SECONDS}. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("too many sign-ins at once", null, false, false);
        }
    }

    private final ThreadPoolExecutor pool;
    private final int threads;
    /** The recent derivations' time, smoothed (microseconds). */
    private final AtomicLong pace = new AtomicLong(FIRST_GUESS_MS * 1000);

    KeyDerivations() {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        threads = cores;
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(
                cores,
                cores,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "key-derivation-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs a derivation on the pool.
     *
     * @throws Busy at once when the pool and its queue are full
     */
    <T> CompletableFuture<T> submit(Supplier<T> derivation) {
        if (expectedWaitMs(pool.getQueue().size()) > WAIT_BUDGET_MS) {
            throw new Busy();
        }
        try {
            return CompletableFuture.supplyAsync(() -> timed(derivation), pool);
        } catch (RejectedExecutionException e) {
            throw new Busy();
        }
    }

    /** How long a sign-in queued behind {@code queued} others waits for its answer, at the recent pace. */
    long expectedWaitMs(int queued) {
        long paceMs = pace.get() / 1000;
        return (queued / threads + 1) * paceMs;
    }

    private <T> T timed(Supplier<T> derivation) {
        long start = System.nanoTime();
        try {
            return derivation.get();
        } finally {
            long micros = (System.nanoTime() - start) / 1000;
            pace.updateAndGet(p -> (p * 3 + micros) / 4);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
