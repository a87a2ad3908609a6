package org.reliefdesk.gui.common;

import java.util.function.Consumer;

import org.reliefdesk.gui.common.UiTasks.Lane;
import org.reliefdesk.gui.common.UiTasks.Running;
import org.reliefdesk.gui.common.UiTasks.Work;

/**
 * One slot of work where only the newest run counts: starting a run cancels the one before,
 * and a result that arrives after a newer run started is dropped. Used from the FX thread.
 */
public final class Latest {

    private final UiTasks tasks;
    private long generation;
    private Running running;

    Latest(UiTasks tasks) {
        this.tasks = tasks;
    }

    public <T> void run(Lane lane, Work<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        long mine = ++generation;
        if (running != null) {
            running.cancel();
        }
        running = tasks.run(
                lane,
                work,
                result -> {
                    if (mine == generation) {
                        done.accept(result);
                    }
                },
                error -> {
                    if (mine == generation) {
                        failed.accept(error);
                    }
                });
    }

    /** Drops whatever is running (its result will not be shown). */
    public void cancel() {
        generation++;
        if (running != null) {
            running.cancel();
        }
    }
}
