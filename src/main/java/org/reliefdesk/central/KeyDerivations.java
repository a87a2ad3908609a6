package org.reliefdesk.central;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The pool every sign-in's key derivation runs on: a password's derivation costs a few hundred
 * milliseconds of CPU, so one thread per core, and at most {@value #QUEUE} waiting; a sign-in
 * beyond that is answered 429 at once. The request itself does not wait on a server thread — its
 * answer is written when the derivation is done — so however many PCs sign in together, the
 * server's threads stay free for pulls and pushes.
 */
final class KeyDerivations implements AutoCloseable {

    static final int QUEUE = 16;
    static final int RETRY_AFTER_SECONDS = 2;

    /** Too many sign-ins at once: try again after {@link #RETRY_AFTER_SECONDS}. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("too many sign-ins at once", null, false, false);
        }
    }

    private final ThreadPoolExecutor pool;

    KeyDerivations() {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
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
        try {
            return CompletableFuture.supplyAsync(derivation, pool);
        } catch (RejectedExecutionException e) {
            throw new Busy();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
