package org.reliefdesk.central;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The gate every sign-in passes: a password's key derivation costs a few hundred milliseconds
 * of CPU, so at most one per core runs at a time and at most {@value #QUEUE} wait; a sign-in
 * beyond that is answered 429 at once. The server's other threads stay free for pulls and
 * pushes however many PCs sign in together.
 */
final class KeyDerivations {

    static final int QUEUE = 16;
    static final int RETRY_AFTER_SECONDS = 2;
    private static final long LONGEST_WAIT_SECONDS = 20;

    /** Too many sign-ins at once: try again after {@link #RETRY_AFTER_SECONDS}. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("too many sign-ins at once", null, false, false);
        }
    }

    private final Semaphore running = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final AtomicInteger waiting = new AtomicInteger();

    <T> T run(Supplier<T> derivation) {
        if (waiting.incrementAndGet() > QUEUE) {
            waiting.decrementAndGet();
            throw new Busy();
        }
        boolean admitted;
        try {
            admitted = running.tryAcquire(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        } finally {
            waiting.decrementAndGet();
        }
        if (!admitted) {
            throw new Busy();
        }
        try {
            return derivation.get();
        } finally {
            running.release();
        }
    }
}
