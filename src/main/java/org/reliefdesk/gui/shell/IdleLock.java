package org.reliefdesk.gui.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.event.EventHandler;
import javafx.event.WeakEventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.IdleWatch;
import org.reliefdesk.gui.session.UnlockViewModel;
import org.reliefdesk.logic.i18n.Texts;

/**
 * Offices share PCs: after the configured idle time without a key or a click in any of the app's
 * windows, every one of them is covered where it is (its content disabled under an opaque pane)
 * and the person's password opens them again; what was typed stays. 切换用户 on the lock lets
 * someone else sign in (the forms left open are then closed unsaved).
 */
final class IdleLock {

    private final Stage owner;
    private final IdleWatch watch;
    private final UnlockViewModel vm;
    private final Texts texts;
    private final UiTasks tasks;
    private final Runnable switchUser;
    private final Duration every;
    private final EventHandler<InputEvent> touch;
    private final ListChangeListener<Window> newWindows;
    // The windows and their list outlive this workbench: they hold only weak ones of the two
    // above, so a workbench not stopped (an app closed, not signed out) does not stay alive.
    private final WeakEventHandler<InputEvent> touchWeakly;
    private final WeakListChangeListener<Window> newWindowsWeakly;
    private UiTasks.Running timer;
    private final List<Cover> covers = new ArrayList<>();
    private boolean stopped;

    IdleLock(Stage owner, Duration idle, UnlockViewModel vm, Texts texts, UiTasks tasks, Runnable switchUser) {
        this.owner = owner;
        this.watch = new IdleWatch(idle, System::nanoTime);
        this.vm = vm;
        this.texts = texts;
        this.tasks = tasks;
        this.switchUser = switchUser;
        this.every = Duration.ofMillis(Math.max(250, Math.min(15_000, idle.toMillis() / 4)));
        this.touch = e -> watch.touched();
        this.touchWeakly = new WeakEventHandler<>(touch);
        // keys and clicks in a form's dialog count as much as in the main window
        WeakEventHandler<InputEvent> touched = touchWeakly;
        this.newWindows = c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(w -> w.addEventFilter(InputEvent.ANY, touched));
            }
        };
        this.newWindowsWeakly = new WeakListChangeListener<>(newWindows);
    }

    /** Starts watching (nothing happens when the idle time is zero). */
    IdleLock start() {
        if (watch.enabled()) {
            Window.getWindows().forEach(w -> w.addEventFilter(InputEvent.ANY, touchWeakly));
            Window.getWindows().addListener(newWindowsWeakly);
            check();
        }
        return this;
    }

    /** Stops watching (the user signed out); a lock showing goes away. */
    void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
        Window.getWindows().removeListener(newWindowsWeakly);
        Window.getWindows().forEach(w -> w.removeEventFilter(InputEvent.ANY, touchWeakly));
        covers.forEach(Cover::lift);
        covers.clear();
    }

    private void check() {
        timer = tasks.after(every, () -> {
            if (stopped) {
                return;
            }
            if (covers.isEmpty() && watch.due() && owner.isShowing()) {
                lock();
            }
            check();
        });
    }

    private void lock() {
        Label title = new Label(texts.msg("lock.title"));
        title.setId("lockTitle");
        title.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
        Label who = new Label(texts.msg("lock.who", vm.user().displayName()));
        who.setWrapText(true);
        PasswordField password = new PasswordField();
        password.setId("lockPassword");
        password.setPromptText(texts.msg("lock.password"));
        password.setMaxWidth(260);
        Label error = new Label();
        error.setId("lockError");
        error.setStyle("-fx-text-fill: #b00020;");
        error.textProperty().bind(vm.refusalProperty());
        // a wrong password: the field is emptied and ready for the next try, as on any lock screen
        error.textProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                password.clear();
                password.requestFocus();
            }
        });
        Button unlock = new Button(texts.msg("lock.unlock"));
        unlock.setId("unlockButton");
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(vm.checkingProperty());
        unlock.setOnAction(e -> vm.unlock(password.getText().toCharArray(), this::unlocked));
        Button other = new Button(texts.msg("workbench.switchUser"));
        other.setId("lockSwitchUser");
        other.setOnAction(e -> signOut());
        VBox card = new VBox(12, title, who);
        if (vm.needsNoPassword()) {
            Label hint = new Label(texts.msg("lock.noPassword"));
            hint.setWrapText(true); // the English hint is longer than the card is wide
            card.getChildren().add(hint);
        } else {
            card.getChildren().add(password);
        }
        card.getChildren().addAll(error, new HBox(10, unlock, other));
        card.setPadding(new Insets(24));
        card.setMaxSize(420, Region.USE_PREF_SIZE);
        card.setStyle("-fx-background-color: white; -fx-background-radius: 6;");

        // Every window of the app is covered in place (not by another window, which a window
        // manager may leave without the keyboard): what is behind is disabled, kept, unreadable.
        // The card goes where the keyboard can reach: the topmost modal dialog, else the main window.
        List<Stage> windows = Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && s.getScene() != null)
                .map(w -> (Stage) w)
                .toList();
        Stage target = windows.stream()
                .filter(s -> s != owner && s.getModality() != Modality.NONE)
                .reduce((a, b) -> b)
                .orElse(owner);
        covers.clear();
        for (Stage s : windows) {
            covers.add(Cover.over(s, s == target ? card : null));
        }
        (vm.needsNoPassword() ? unlock : password).requestFocus();
    }

    private void unlocked() {
        covers.forEach(Cover::lift);
        covers.clear();
        watch.touched();
    }

    /** A window's content disabled under an opaque pane (with the card, in one window). */
    private record Cover(Scene scene, Parent content, StackPane wrapper) {

        static Cover over(Stage stage, Node card) {
            Scene scene = stage.getScene();
            Parent content = scene.getRoot();
            StackPane cover = card == null ? new StackPane() : new StackPane(card);
            cover.setId(card == null ? "lockCover" : "lockScreen");
            cover.setAlignment(Pos.CENTER);
            cover.setStyle("-fx-background-color: #37474f;");
            StackPane wrapper = new StackPane();
            scene.setRoot(wrapper);
            content.setDisable(true);
            wrapper.getChildren().addAll(content, cover);
            return new Cover(scene, content, wrapper);
        }

        void lift() {
            wrapper.getChildren().remove(content);
            content.setDisable(false);
            scene.setRoot(content);
        }
    }

    /** Someone else will use the PC: the open dialogs close unsaved, then the sign-in list. */
    private void signOut() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != owner && w instanceof Stage s) {
                s.close();
            }
        }
        stop();
        switchUser.run();
    }
}
