package org.reliefdesk.gui.session;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdleWatchTest {

    @Test
    void locksOnceTheIdleTimeHasPassedSinceTheLastKeyOrClick() {
        AtomicLong now = new AtomicLong(1_000);
        IdleWatch watch = new IdleWatch(Duration.ofMinutes(15), now::get);
        now.addAndGet(Duration.ofMinutes(14).toNanos());
        assertFalse(watch.due());
        watch.touched();
        now.addAndGet(Duration.ofMinutes(14).toNanos());
        assertFalse(watch.due(), "a key a minute ago starts the quarter of an hour again");
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertTrue(watch.due());
    }

    @Test
    void zeroNeverLocks() {
        AtomicLong now = new AtomicLong();
        IdleWatch watch = new IdleWatch(Duration.ZERO, now::get);
        now.addAndGet(Duration.ofDays(3).toNanos());
        assertFalse(watch.due());
        assertFalse(watch.enabled());
    }
}
