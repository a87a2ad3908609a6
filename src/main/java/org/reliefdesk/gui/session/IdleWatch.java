package org.reliefdesk.gui.session;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When a shared PC has been left: the time of the last key or click, and whether the idle time
 * has passed since. Zero idle time: never.
 */
public final class IdleWatch {

    private final long idleNanos;
    private final LongSupplier nanos;
    private long last;

    public IdleWatch(Duration idle, LongSupplier nanos) {
        this.idleNanos = idle.toNanos();
        this.nanos = nanos;
        this.last = nanos.getAsLong();
    }

    /** A key was pressed or the mouse used. */
    public void touched() {
        last = nanos.getAsLong();
    }

    /** Whether the window should lock now. */
    public boolean due() {
        return idleNanos > 0 && nanos.getAsLong() - last >= idleNanos;
    }

    /** Whether it ever locks. */
    public boolean enabled() {
        return idleNanos > 0;
    }
}
