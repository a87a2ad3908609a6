package org.reliefdesk.gui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every piece of work at once on the caller's thread and hands its result over right away:
 * a view model driven by it can be tested without a window and without waiting. Periodic work
 * is kept and run by {@link #runPeriodic()}.
 */
public final class DirectUiTasks implements UiTasks {

    private final List<Periodic> periodic = new ArrayList<>();
    private final List<Periodic> delayed = new ArrayList<>();

    private record Periodic(Handle handle, Runnable work) {}

    @Override
    public <T> Running run(
            Lane lane, Work<T> work, Consumer<T> done, Consumer<Throwable> failed, Progress.Listener progress) {
        Handle handle = new Handle();
        T result;
        try {
            result = work.call(new Progress() {
                @Override
                public void update(double fraction, String message) {
                    if (progress != null) {
                        progress.progressed(fraction, message);
                    }
                }

                @Override
                public boolean cancelled() {
                    return handle.cancelled;
                }
            });
        } catch (Exception | LinkageError | AssertionError e) {
            failed.accept(e);
            return handle;
        }
        done.accept(result);
        return handle;
    }

    @Override
    public void later(Runnable onUi) {
        onUi.run();
    }

    @Override
    public void afterNextFrame(Runnable onUi) {
        onUi.run();
    }

    @Override
    public Running after(Duration delay, Runnable onUi) {
        Handle handle = new Handle();
        delayed.add(new Periodic(handle, onUi));
        return handle;
    }

    /** Runs what waits for a delay, as if the time had passed (each once). */
    public void runDelayed() {
        List<Periodic> due = List.copyOf(delayed);
        delayed.clear();
        due.stream().filter(p -> !p.handle().cancelled).forEach(p -> p.work().run());
    }

    /** How many delayed pieces of work wait (not cancelled). */
    public long delayedCount() {
        return delayed.stream().filter(p -> !p.handle().cancelled).count();
    }

    @Override
    public Running every(Lane lane, Duration first, Duration period, Runnable work) {
        Handle handle = new Handle();
        periodic.add(new Periodic(handle, work));
        return handle;
    }

    /** Runs each periodic piece of work once, as if its time had come. */
    public void runPeriodic() {
        List.copyOf(periodic).stream()
                .filter(p -> !p.handle().cancelled)
                .forEach(p -> p.work().run());
    }

    @Override
    public void close() {
        periodic.clear();
        delayed.clear();
    }

    private static final class Handle implements Running {
        private boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }
}
