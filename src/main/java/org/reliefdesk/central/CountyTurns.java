package org.reliefdesk.central;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A county's writers on this server take turns here, in arrival order, before they borrow a
 * database connection. The county's counter row still orders writers across servers; without
 * this queue every writer waiting for that row would hold a pooled connection while it waits, and
 * a busy county's pushes would leave none for anybody's pulls. Counties come from stored tickets
 * and user records, never from the wire, so the map stays as small as the province.
 */
final class CountyTurns {

    /** As long as a writer waited for the counter row in the database before this queue. */
    static final long WAIT_SECONDS = 10;

    private final ConcurrentHashMap<String, ReentrantLock> turns = new ConcurrentHashMap<>();

    <T> T inTurn(String county, Supplier<T> work) {
        ReentrantLock turn = turns.computeIfAbsent(county, k -> new ReentrantLock(true));
        try {
            if (!turn.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new CentralException("county " + county + ": no turn to write within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CentralException("county " + county + ": interrupted while waiting to write", e);
        }
        try {
            return work.get();
        } finally {
            turn.unlock();
        }
    }
}
