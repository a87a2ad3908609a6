package org.reliefdesk.gui.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.gui.sync.SyncViewModel;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench of the person likely to sign in, built, styled and laid out once where no one
 * sees it, then dropped, while the sign-in list waits. The first workbench of a session loads
 * about a thousand classes and styles every kind of control for the first time; done here, that
 * happens while a person looks for their name, not after they click 登录 (measured in {@code
 * WorkbenchBench}). Its view models are never loaded and its sync never started; like the real
 * window it reads the person's column widths and split (and may write back what it read).
 *
 * <p>In steps (build, style, each page, the window), each its own turn of the FX thread, so a key
 * pressed meanwhile waits for one step, not all; the steps left are skipped once someone signs in.
 */
final class Rehearsal {

    private static final Logger LOG = LoggerFactory.getLogger(Rehearsal.class);

    private Rehearsal() {}

    /** Starts on the FX thread; {@code wanted} says whether no one has signed in yet. */
    static void of(Workspace workspace, User user, Scene shown, UiTasks tasks, BooleanSupplier wanted) {
        long started = System.nanoTime();
        WorkbenchViewModel vm = new WorkbenchViewModel(workspace, user);
        SyncViewModel sync = new SyncViewModel(workspace, user, new char[0], changed -> {});
        Parent root = new MainWindow(vm, sync, workspace.config.texts(), workspace.catalog, () -> {}).root();
        new Scene(root, shown.getWidth(), shown.getHeight());
        long built = System.nanoTime();
        LOG.info("Rehearsing the workbench of {}: built in {} ms", user.username(), (built - started) / 1_000_000);
        Deque<Runnable> steps = new ArrayDeque<>();
        steps.add(() -> timed(user, "styled", root::applyCss));
        // each page laid out on a turn of its own (the pages exist once the tabs are styled), then the window
        steps.add(() -> {
            if (root.lookup("#mainTabs") instanceof TabPane tabs) {
                for (Tab tab : tabs.getTabs()) {
                    if (tab.getContent() instanceof Parent page) {
                        steps.addFirst(() -> timed(user, "laid out a page", () -> {
                            page.resize(shown.getWidth(), shown.getHeight());
                            page.layout();
                        }));
                    }
                }
            }
        });
        steps.add(() -> timed(user, "laid out the window", root::layout));
        next(steps, tasks, wanted);
    }

    private static void next(Deque<Runnable> steps, UiTasks tasks, BooleanSupplier wanted) {
        tasks.later(() -> {
            if (!steps.isEmpty() && wanted.getAsBoolean()) {
                steps.poll().run();
                next(steps, tasks, wanted);
            }
        });
    }

    private static void timed(User user, String what, Runnable step) {
        long started = System.nanoTime();
        step.run();
        LOG.info(
                "Rehearsing the workbench of {}: {} in {} ms",
                user.username(),
                what,
                (System.nanoTime() - started) / 1_000_000);
    }
}
