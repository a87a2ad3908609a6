package org.reliefdesk.gui.sync;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.User;
import org.reliefdesk.store.Outbox;
import org.reliefdesk.store.SyncFacts;
import org.reliefdesk.sync.CentralClient;
import org.reliefdesk.sync.Synchronizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sync as the workbench shows it: in the background every few minutes and on demand, with
 * progress; last sync and waiting changes in the status bar; offline said calmly, with retries
 * further apart each time (1, 2, 4 … 30 minutes); conflicts and refusals listed for the user
 * to re-apply or discard. Runs on the sync lane, so a slow network never holds the list.
 */
public final class SyncViewModel {
    static final Duration LONGEST_RETRY = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(SyncViewModel.class);

    private final Workspace workspace;
    private final User user;
    private final char[] password;
    private final Texts texts;
    /** Hears which tickets a sync, a re-apply or a discard changed on this PC. */
    private final Consumer<Synchronizer.Changed> onChanged;

    private final UiTasks tasks;

    private final BooleanProperty running = new SimpleBooleanProperty();
    /** This person's scope has not been pulled to its end yet (a first sync, a full resync). */
    private final BooleanProperty catchingUp = new SimpleBooleanProperty();

    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty status = new SimpleStringProperty("");
    /** What a sync of this session found about the store itself (restored, another one); empty for none. */
    private final StringProperty notice = new SimpleStringProperty("");

    private final StoreNotice storeNotice;

    private final IntegerProperty pending = new SimpleIntegerProperty();
    private final ObservableList<Outbox.Entry> unsettled = FXCollections.observableArrayList();
    private final ConflictSettling conflicts;
    private CentralClient.Session session;
    private CentralClient client;
    private UiTasks.Running next;
    private int failures;
    private volatile boolean stopped;

    public SyncViewModel(Workspace workspace, User user, char[] password, Consumer<Synchronizer.Changed> onChanged) {
        this.workspace = workspace;
        this.tasks = workspace.tasks;
        this.user = user;
        this.password = password;
        this.texts = workspace.config.texts();
        this.onChanged = onChanged;
        this.storeNotice = new StoreNotice(user);
        this.conflicts = new ConflictSettling(this, workspace, user, onChanged);
    }

    /**
     * The token the sign-in screen just got (null: signed in offline or on the demo list): the
     * first sync uses it rather than signing in a second time.
     */
    public synchronized SyncViewModel signedIn(CentralClient.Session fromSignIn) {
        if (fromSignIn != null && fromSignIn.user().username().equals(user.username())) {
            session = fromSignIn;
        }
        return this;
    }

    /** Whether this workbench syncs at all (not when started with {@code --central off}). */
    public boolean enabled() {
        return workspace.centralUrl() != null;
    }

    /** The central store's address in use (it may have been changed on the sign-in screen). */
    public String centralUrl() {
        return workspace.centralUrl();
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Shown on a line of its own above the status bar while there is one, for the rest of the session ({@link StoreNotice}). */
    public StringProperty noticeProperty() {
        return notice;
    }

    IntegerProperty pendingProperty() {
        return pending;
    }

    public ObservableList<Outbox.Entry> unsettled() {
        return unsettled;
    }

    /** Syncs now and then every configured interval. */
    public void start() {
        if (!enabled()) {
            status.set(texts.msg("sync.status.off"));
            return;
        }
        refreshCounts();
        // read on the sync lane before the sync queued after it: its answer comes first
        submit(p -> !workspace.store.syncFacts().caughtUp(user.username()), catchingUp::set);
        syncNow();
    }

    /** Whether what this PC holds of the person's scope is still partial: their pulls never reached its end. */
    public BooleanProperty catchingUpProperty() {
        return catchingUp;
    }

    /** Runs work on the sync lane, then {@code then} on the FX thread; nothing once this workbench is closed. */
    <T> void submit(UiTasks.Work<T> work, Consumer<T> then) {
        if (!stopped) {
            tasks.run(
                    UiTasks.Lane.SYNC,
                    work,
                    result -> {
                        if (!stopped) {
                            then.accept(result);
                        }
                    },
                    e -> {
                        LOG.error("Sync work on this PC failed", e);
                        status.set(texts.msg("sync.status.localError"));
                    });
        }
    }

    public void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
        // Its connections and selector thread end after the sync running now: the lane keeps order,
        // and a sync cut off by a closed client would be said as an outage.
        tasks.run(UiTasks.Lane.SYNC, p -> closeClient(), closed -> {}, e -> LOG.debug("Sync client not closed", e));
    }

    private synchronized boolean closeClient() {
        if (client == null) {
            return false;
        }
        client.close();
        client = null;
        return true;
    }

    /** Whether this workbench holds a client of the central store (connections, a selector thread), for tests. */
    synchronized boolean holdsClient() {
        return client != null;
    }

    /** Pulls everything in this user's scope again; changes not yet pushed are kept and pushed first. */
    public void fullResync() {
        if (!enabled() || running.get()) {
            return;
        }
        submit(
                p -> {
                    workspace.store.syncFacts().resetCursor(user.username());
                    return true;
                },
                reset -> {
                    catchingUp.set(true);
                    syncNow();
                });
    }

    public void syncNow() {
        if (!enabled() || running.get() || stopped) {
            return;
        }
        if (next != null) {
            next.cancel();
        }
        running.set(true);
        progress.set(-1);
        status.set(texts.msg("sync.status.running"));
        tasks.run(
                UiTasks.Lane.SYNC,
                p -> asUser((client, session) -> new Synchronizer(
                                workspace.store, client, workspace.catalog, workspace.config.clock())
                        .sync(session, report -> p.update(report.fraction() < 0 ? -1 : report.fraction(), null))),
                r -> {
                    failures = 0;
                    running.set(false);
                    catchingUp.set(false); // pulled to the end of the scope
                    notice.set(storeNotice.after(
                            notice.get(), r, when(workspace.config.clock().instant()), texts));
                    refreshCounts();
                    // a new holiday year moves every deadline: the whole scope is read again
                    onChanged.accept(r.calendarYears() > 0 ? Synchronizer.Changed.everything() : r.changed());
                    scheduleIn(workspace.config.central().every());
                },
                this::syncFailed,
                (fraction, what) -> progress.set(fraction));
    }

    private void syncFailed(Throwable t) {
        running.set(false);
        if (t instanceof CentralClient.Refused refused && refused.status() != 503) {
            status.set(texts.msg("sync.status.refused", FailureWords.of(texts, LOG, "Sync refused", refused)));
            scheduleIn(workspace.config.central().every());
        } else if (!(t instanceof IOException)) {
            // this PC's own failure (its database, its disk): never said as a network outage
            LOG.error("Sync stopped by an error on this PC", t);
            refreshCounts();
            status.set(texts.msg("sync.status.localError"));
            scheduleIn(workspace.config.central().every());
        } else {
            failures++;
            Duration wait = Duration.ofMinutes(Math.min(LONGEST_RETRY.toMinutes(), 1L << Math.min(failures - 1, 5)));
            LOG.info("Sync did not reach the central store ({}); next try in {} min", t.getMessage(), wait.toMinutes());
            refreshCounts();
            status.set(texts.msg("sync.status.offline", pending.get(), wait.toMinutes()));
            scheduleIn(wait);
        }
    }

    /** One call to the central store as this user. */
    public interface CentralCall<T> {
        T call(CentralClient client, CentralClient.Session session) throws IOException;
    }

    /**
     * Calls the central store as this user, off the FX thread (the sync, the administrator's page):
     * signs in when there is no token yet, and once more if the token expired.
     */
    public <T> T asUser(CentralCall<T> call) throws IOException {
        CentralClient client = client();
        try {
            return call.call(client, session());
        } catch (CentralClient.Refused e) {
            if (e.status() != 401) {
                throw e;
            }
            forgetSession();
            return call.call(client, session());
        }
    }

    /** One client (and its connection pool) for every call of this workbench; made on first use (not without sync). */
    private synchronized CentralClient client() throws IOException {
        if (stopped) {
            throw new IOException("this workbench was closed"); // never a new client that nothing closes
        }
        if (client == null) {
            client = new CentralClient(workspace.centralUrl(), Duration.ofSeconds(30));
        }
        return client;
    }

    private synchronized void forgetSession() {
        session = null;
    }

    private synchronized CentralClient.Session session() throws IOException {
        if (session == null) {
            session = client().signIn(
                            user.username(),
                            password,
                            workspace.store.syncFacts().clientId());
        }
        return session;
    }

    private void scheduleIn(Duration wait) {
        if (stopped) {
            return;
        }
        next = tasks.after(wait, this::syncNow);
    }

    /** Pending count, last sync and the conflicts list (with the user's held work), read off the FX thread. */
    public void refreshCounts() {
        submit(
                p -> new Counts(
                        workspace.store.outbox().pendingCount(),
                        workspace
                                .store
                                .outbox()
                                .toSettle(
                                        user.username(),
                                        workspace.store.syncFacts().storeLine(user.username())),
                        workspace.store.syncFacts().get(SyncFacts.LAST_SYNC).orElse(null)),
                c -> {
                    pending.set((int) c.waiting());
                    unsettled.setAll(c.open());
                    if (!running.get() && failures == 0) {
                        status.set(
                                c.last() == null
                                        ? texts.msg("sync.status.never", c.waiting())
                                        : texts.msg("sync.status.ok", when(Instant.parse(c.last())), c.waiting()));
                    }
                });
    }

    private record Counts(long waiting, List<Outbox.Entry> open, String last) {}

    private String when(Instant instant) {
        ZonedDateTime t = instant.atZone(ChinaTime.ZONE);
        boolean today =
                t.toLocalDate().equals(LocalDate.now(workspace.config.clock().withZone(ChinaTime.ZONE)));
        return t.format(DateTimeFormatter.ofPattern(today ? "HH:mm" : "yyyy-MM-dd HH:mm"));
    }

    /** Settling the changes the central store did not take (the conflicts page). */
    ConflictSettling conflicts() {
        return conflicts;
    }
}
