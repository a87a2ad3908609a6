package org.reliefdesk.gui.sync;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.animation.PauseTransition;
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
import javafx.concurrent.Task;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.interchange.LineRejectedException;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;
import org.reliefdesk.store.Outbox;
import org.reliefdesk.store.SyncFacts;
import org.reliefdesk.sync.CentralClient;
import org.reliefdesk.sync.Synchronizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.reliefdesk.gui.session.Workspace;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Sync as the workbench shows it: in the background every few minutes and on demand, with
 * progress; last sync and waiting changes in the status bar; offline said calmly, with retries
 * further apart each time (1, 2, 4 … 30 minutes); conflicts and refusals listed for the user
 * to re-apply or discard. Runs on its own thread, so a slow network never holds the list.
 */
public final class SyncViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SyncViewModel.class);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(30);

    private final Workspace workspace;
    private final User user;
    private final char[] password;
    private final Texts texts;
    private final Runnable onChanged;
    private final ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reliefdesk-sync");
        t.setDaemon(true);
        return t;
    });

    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty status = new SimpleStringProperty("");
    private final IntegerProperty pending = new SimpleIntegerProperty();
    private final ObservableList<Outbox.Entry> unsettled = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty();
    private CentralClient.Session session;
    private CentralClient client;
    private PauseTransition next;
    private int failures;
    private boolean stopped;

    public SyncViewModel(Workspace workspace, User user, char[] password, Runnable onChanged) {
        this.workspace = workspace;
        this.user = user;
        this.password = password;
        this.texts = workspace.config.texts();
        this.onChanged = onChanged;
    }

    /** Whether this workbench syncs at all (not when started with {@code --central off}). */
    public boolean enabled() {
        return workspace.centralUrl() != null;
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

    IntegerProperty pendingProperty() {
        return pending;
    }

    public ObservableList<Outbox.Entry> unsettled() {
        return unsettled;
    }

    /** The outcome of the last re-apply or discard, for the conflicts view. */
    StringProperty messageProperty() {
        return message;
    }

    /** Syncs now and then every configured interval. */
    public void start() {
        if (!enabled()) {
            status.set(texts.msg("sync.status.off"));
            return;
        }
        refreshCounts();
        syncNow();
    }

    /** Runs work on the sync thread; nothing once this workbench is closed (another user signed in). */
    private void submit(Runnable work) {
        if (!stopped) {
            exec.submit(work);
        }
    }

    public void stop() {
        stopped = true;
        if (next != null) {
            next.stop();
        }
        exec.shutdownNow();
    }

    /** Pulls everything in this user's scope again; changes not yet pushed are kept and pushed first. */
    public void fullResync() {
        if (!enabled() || running.get()) {
            return;
        }
        submit(() -> workspace.store.syncFacts().resetCursor(user.username()));
        syncNow();
    }

    public void syncNow() {
        if (!enabled() || running.get() || stopped) {
            return;
        }
        if (next != null) {
            next.stop();
        }
        running.set(true);
        progress.set(-1);
        status.set(texts.msg("sync.status.running"));
        Task<Synchronizer.Report> task = new Task<>() {
            @Override
            protected Synchronizer.Report call() throws Exception {
                Consumer<Synchronizer.Progress> report = p ->
                        updateProgress(p.fraction() < 0 ? -1 : p.fraction(), 1);
                 return asUser((client, session) -> new Synchronizer(workspace.store, client, workspace.catalog,
                        workspace.config.clock()).sync(session, report));
            }
        };
        progress.bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            progress.unbind();
            failures = 0;
            running.set(false);
            Synchronizer.Report r = task.getValue();
            refreshCounts();
            if (r.pushed() > 0 || r.pulled() > 0 || r.calendarYears() > 0) { // a new holiday year moves deadlines
                onChanged.run();
            }
            scheduleIn(workspace.config.central().every());
        });
        task.setOnFailed(e -> {
            progress.unbind();
            running.set(false);
            Throwable t = task.getException();
            if (t instanceof CentralClient.Refused refused && refused.status() != 503) {
                LOG.warn("Sync refused: {}", refused.getMessage());
                String key = refused.code();
                status.set(texts.msg("sync.status.refused", texts.bundle().containsKey(key)
                        ? texts.msg(key, refused.retryAfterSeconds()) : refused.getMessage()));
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
        });
        submit(task);
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
    private synchronized CentralClient client() {
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
            session = client()
                    .signIn(user.username(), password, workspace.store.syncFacts().clientId());
        }
        return session;
    }

    private void scheduleIn(Duration wait) {
        if (stopped) {
            return;
        }
        next = new PauseTransition(javafx.util.Duration.millis(wait.toMillis()));
        next.setOnFinished(e -> syncNow());
        next.play();
    }

    /** Pending count, last sync and the conflicts list, read off the FX thread. */
    public void refreshCounts() {
        submit(() -> {
            long waiting = workspace.store.outbox().pendingCount();
            List<Outbox.Entry> open = workspace.store.outbox().unsettled();
            String last = workspace.store.syncFacts().get(SyncFacts.LAST_SYNC).orElse(null);
            Platform.runLater(() -> {
                pending.set((int) waiting);
                unsettled.setAll(open);
                if (!running.get() && failures == 0) {
                    status.set(last == null ? texts.msg("sync.status.never", waiting)
                            : texts.msg("sync.status.ok", when(last), waiting));
                }
            });
        });
    }

    private String when(String instant) {
        ZonedDateTime t = Instant.parse(instant).atZone(WorkflowEngine.ZONE);
        boolean today = t.toLocalDate().equals(LocalDate.now(workspace.config.clock().withZone(WorkflowEngine.ZONE)));
        return t.format(DateTimeFormatter.ofPattern(today ? "HH:mm" : "yyyy-MM-dd HH:mm"));
    }

    /** The central store's version of the ticket kept with an operation, or null when it holds none. */
    TicketHistory centralVersion(Outbox.Entry e) {
        if (e.centralTicket() == null) {
            return null;
        }
        try {
            return new TicketLineCodec(workspace.catalog).read(e.centralTicket(), 1, LocalDate.of(9999, 12, 31));
        } catch (LineRejectedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Takes the central version and does the same action again on it, as a new change to push. */
    void reapply(Outbox.Entry e) {
        submit(() -> {
            String result;
            try {
                workspace.actions().reapply(e.opId(), user, centralVersion(e), workspace.config.clock().instant());
                result = texts.msg("conflicts.done.reapplied");
            } catch (InvalidFieldException ex) {
                result = texts.msg("conflicts.reapplyRefused", texts.describe(ex));
            } catch (RuntimeException ex) {
                LOG.error("Re-applying {} failed", e.opId(), ex);
                result = texts.msg("conflicts.reapplyRefused", ex.getMessage());
            }
            String shown = result;
            Platform.runLater(() -> {
                message.set(shown);
                onChanged.run();
                refreshCounts();
                syncNow();
            });
        });
    }

    /** Keeps the central version; the operation stays in the outbox, marked discarded. */
    void discard(Outbox.Entry e) {
        submit(() -> {
            workspace.store.outbox().discard(e.opId(), centralVersion(e), workspace.config.clock().instant());
            Platform.runLater(() -> {
                message.set(texts.msg("conflicts.done.discarded"));
                onChanged.run();
                refreshCounts();
            });
        });
    }
}
