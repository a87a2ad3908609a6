package org.reliefdesk.gui.common;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lanes on daemon threads of their own (one each, so work of a lane keeps its order and the
 * local store sees one writer per lane), results handed to the FX thread with
 * {@link Platform#runLater}. A running call is never interrupted: H2 closes its file when a
 * thread is interrupted in the middle of a read, so a cancelled run only loses its result.
 */
public final class FxUiTasks implements UiTasks {

    private static final Logger LOG = LoggerFactory.getLogger(FxUiTasks.class);

    private final Map<Lane, ExecutorService> lanes = new EnumMap<>(Lane.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "timer"));

    public FxUiTasks() {
        for (Lane lane : Lane.values()) {
            lanes.put(lane, Executors.newSingleThreadExecutor(r -> {
                Thread t = thread(r, lane.name().toLowerCase(Locale.ROOT));
                if (lane == Lane.HOUSEKEEPING) {
                    t.setPriority(Thread.MIN_PRIORITY);
                }
                return t;
            }));
        }
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, "reliefdesk-" + name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public <T> Running run(
            Lane lane, Work<T> work, Consumer<T> done, Consumer<Throwable> failed, Progress.Listener progress) {
        Handle handle = new Handle();
        Progress said = new Progress() {
            @Override
            public void update(double fraction, String message) {
                if (progress != null && !handle.cancelled) {
                    Platform.runLater(() -> progress.progressed(fraction, message));
                }
            }

            @Override
            public boolean cancelled() {
                return handle.cancelled;
            }
        };
        handle.future = lanes.get(lane).submit(() -> {
            if (handle.cancelled) {
                return;
            }
            try {
                T result = work.call(said);
                Platform.runLater(() -> {
                    if (!handle.cancelled) {
                        done.accept(result);
                    }
                });
            } catch (Exception | LinkageError | AssertionError e) {
                Platform.runLater(() -> {
                    if (!handle.cancelled) {
                        failed.accept(e);
                    }
                });
            }
        });
        return handle;
    }

    @Override
    public void later(Runnable onUi) {
        Platform.runLater(onUi);
    }

    @Override
    public void afterNextFrame(Runnable onUi) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    stop();
                    onUi.run();
                }
            }
        }.start();
    }

    @Override
    public Running after(Duration delay, Runnable onUi) {
        Handle handle = new Handle();
        handle.future = timer.schedule(
                () -> Platform.runLater(() -> {
                    if (!handle.cancelled) {
                        onUi.run();
                    }
                }),
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
        return handle;
    }

    @Override
    public Running every(Lane lane, Duration first, Duration period, Runnable work) {
        Handle handle = new Handle();
        ScheduledFuture<?> ticks = timer.scheduleAtFixedRate(
                () -> lanes.get(lane).submit(() -> {
                    if (handle.cancelled) {
                        return;
                    }
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        LOG.error("Periodic work on {} failed; tried again next time", lane, e);
                    }
                }),
                first.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
        handle.future = ticks;
        return handle;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        lanes.values().forEach(ExecutorService::shutdown);
    }

    private static final class Handle implements Running {
        private volatile boolean cancelled;
        private volatile Future<?> future;

        @Override
        public void cancel() {
            cancelled = true;
            Future<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }
}
