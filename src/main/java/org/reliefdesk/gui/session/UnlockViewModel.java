package org.reliefdesk.gui.session;

import java.util.Arrays;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.User;
import org.reliefdesk.store.SyncFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The locked window's way back: the signed-in person's password, checked on this PC against the
 * one the central store last accepted for them (no network needed). A demo user who never typed a
 * password unlocks without one.
 */
public final class UnlockViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(UnlockViewModel.class);

    private final Workspace workspace;
    private final User user;
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();

    public UnlockViewModel(Workspace workspace, User user) {
        this.workspace = workspace;
        this.user = user;
    }

    public User user() {
        return user;
    }

    /**
     * Whether this person unlocks without a password: a demo user who never typed one (the demo
     * and {@code --central off} sign them in by name); anyone a central store accepted has one.
     */
    public boolean needsNoPassword() {
        return DemoBootstrap.isDemoUser(user) && !workspace.store.syncFacts().knowsPassword(user.username());
    }

    /** Checks the password off the FX thread (hashing takes a moment); {@code unlocked} runs when it matches. */
    public void unlock(char[] password, Runnable unlocked) {
        if (needsNoPassword()) {
            refusal.set("");
            unlocked.run();
            return;
        }
        checking.set(true);
        Consumer<SyncFacts.OfflineCheck> answer = check -> {
            checking.set(false);
            if (check == SyncFacts.OfflineCheck.MATCHES) {
                refusal.set("");
                unlocked.run();
            } else {
                refusal.set(workspace.config.texts().msg("lock.wrong"));
            }
        };
        workspace.tasks.run(
                UiTasks.Lane.JOB,
                progress -> {
                    try {
                        return workspace.store.syncFacts().checkOffline(user.username(), password);
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                },
                answer,
                error -> {
                    checking.set(false);
                    Texts texts = workspace.config.texts();
                    refusal.set(texts.msg("signin.failed", FailureWords.of(texts, LOG, "Unlocking failed", error)));
                });
    }

    /** Why the last try did not unlock (empty when it did, or none was made). */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}
