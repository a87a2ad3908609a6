package org.reliefdesk.gui.shell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.stage.Stage;

import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --smoke-test}: passes once the main window shows tickets of the county that arrived by
 * sync (on the embedded default the PC starts empty); fails after {@link #LIMIT} without them.
 */
final class SmokeTest {

    /** How long the smoke test waits for the county to arrive before it calls the start failed. */
    static final Duration LIMIT = Duration.ofMinutes(3);

    private static final Logger LOG = LoggerFactory.getLogger(SmokeTest.class);

    private SmokeTest() {}

    static void watch(Supplier<WorkbenchViewModel> workbench, Stage stage, Path dataDir, Consumer<Boolean> result) {
        long started = System.nanoTime();
        Timeline check = new Timeline();
        check.getKeyFrames().add(new KeyFrame(javafx.util.Duration.millis(500), ev -> {
            WorkbenchViewModel vm = workbench.get();
            boolean loaded = vm != null
                    && !vm.loadingProperty().get()
                    && !vm.list().all().isEmpty()
                    && stage.isShowing();
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            if (loaded) {
                check.stop();
                LOG.info(
                        "Smoke test passed: main window shown, {} tickets of the county loaded in {} s (data in {})",
                        vm.list().all().size(),
                        seconds,
                        dataDir);
                result.accept(true);
            } else if (seconds > LIMIT.toSeconds()) {
                check.stop();
                LOG.error("Smoke test failed: no tickets after {} s", seconds);
                result.accept(false);
            }
        }));
        check.setCycleCount(Animation.INDEFINITE);
        check.play();
    }
}
