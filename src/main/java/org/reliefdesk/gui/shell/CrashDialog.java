package org.reliefdesk.gui.shell;

import java.nio.file.Path;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.ErrorIds;
import org.reliefdesk.logic.config.DataDirectory;
import org.reliefdesk.logic.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An error nobody caught: logged with its stack trace under an error id, and said in plain words
 * in a dialog that gives the id and names the log file (never the exception's class or English). The program goes on — open forms keep what was typed, so nothing is lost to
 * an error in some other part of the window. One dialog at a time, not one per repeated error.
 */
final class CrashDialog {

    private static final Logger LOG = LoggerFactory.getLogger(CrashDialog.class);

    private final AppConfig config;
    private final Supplier<Stage> stage;
    private boolean showing;

    private CrashDialog(AppConfig config, Supplier<Stage> stage) {
        this.config = config;
        this.stage = stage;
    }

    /** Catches what nobody caught, on every thread; a smoke test stops instead ({@code smokeFailed}). */
    static void install(AppConfig config, UiTasks tasks, Supplier<Stage> stage, Runnable smokeFailed) {
        CrashDialog dialog = new CrashDialog(config, stage);
        Thread.UncaughtExceptionHandler handler = (thread, error) -> {
            String id = ErrorIds.log(LOG, "Unexpected error on thread " + thread.getName(), error);
            if (config.smokeTest()) {
                smokeFailed.run();
                return;
            }
            tasks.later(() -> dialog.show(id));
        };
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Thread.currentThread().setUncaughtExceptionHandler(handler);
    }

    /** Takes the handler away with the window (tests start several apps in one JVM). */
    static void uninstall() {
        Thread.setDefaultUncaughtExceptionHandler(null);
        Thread.currentThread().setUncaughtExceptionHandler(null);
    }

    /** The first error's id while the dialog is up; the ones after it are in the log under their own. */
    private void show(String errorId) {
        if (showing) {
            return;
        }
        showing = true;
        Texts texts = config.texts();
        Path log = DataDirectory.logFile(config.dataDir());
        Alert alert = new Alert(
                Alert.AlertType.ERROR,
                texts.msg("crash.body", errorId, log),
                new ButtonType(texts.msg("crash.continue"), ButtonBar.ButtonData.OK_DONE));
        alert.setHeaderText(texts.msg("crash.header"));
        alert.getDialogPane().setId("crashDialog");
        alert.getDialogPane().lookupButton(alert.getButtonTypes().get(0)).setId("crashContinue");
        Stage owner = stage.get();
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setOnHidden(e -> showing = false);
        alert.show();
    }
}
