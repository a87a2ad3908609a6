package org.reliefdesk.gui.common;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The one way work leaves the FX thread and its result comes back. Views and view models hand
 * work to a lane and get the result (or the error) on the FX thread; nothing else in the GUI
 * owns a thread. {@link FxUiTasks} runs the lanes on threads of their own, {@link DirectUiTasks}
 * runs everything at once on the caller's thread, so view models are tested without a window.
 */
public interface UiTasks extends AutoCloseable {

    /** Where work waits its turn: one thread per lane, so a report never holds up a save. */
    enum Lane {
        /** Reads and writes of the local store a person waits for (a list, a save, a history). */
        STORE,
        /** Long jobs: reports, exports, imports, administration calls. */
        JOB,
        /** Talking to the central store. */
        SYNC,
        /** Backups and other housekeeping, at low priority. */
        HOUSEKEEPING
    }

    /** Work off the FX thread, which may say how far it got. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** How far a piece of work got; said on the FX thread by whoever started it. */
    interface Progress {
        void update(double fraction, String message);

        boolean cancelled();

        /** Hears a piece of work's progress on the FX thread. */
        @FunctionalInterface
        interface Listener {
            void progressed(double fraction, String message);
        }
    }

    /** A piece of work handed over: cancelled, its result is dropped (a running store call is not interrupted). */
    interface Running {
        void cancel();

        boolean cancelled();
    }

    /**
     * Runs {@code work} on {@code lane}; {@code done} or {@code failed} run on the FX thread, and
     * {@code progress} (may be null) hears the work's progress there.
     */
    <T> Running run(Lane lane, Work<T> work, Consumer<T> done, Consumer<Throwable> failed, Progress.Listener progress);

    default <T> Running run(Lane lane, Work<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        return run(lane, work, done, failed, null);
    }

    /** Runs {@code onUi} on the FX thread (later, when called from it). */
    void later(Runnable onUi);

    /** Runs {@code onUi} on the FX thread once the next frame is drawn (right away in tests). */
    void afterNextFrame(Runnable onUi);

    /** Runs {@code onUi} on the FX thread once {@code delay} has passed, unless cancelled first. */
    Running after(Duration delay, Runnable onUi);

    /** Runs {@code work} on {@code lane} after {@code first}, then every {@code period}, until cancelled. */
    Running every(Lane lane, Duration first, Duration period, Runnable work);

    /** A slot of its own for work whose newer run makes the older one's result stale. */
    default Latest latest() {
        return new Latest(this);
    }

    /** Stops the lanes; work still queued is dropped. */
    @Override
    void close();
}
