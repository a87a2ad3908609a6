package org.reliefdesk.gui.tickets;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import org.reliefdesk.gui.common.Latest;
import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.sync.Synchronizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the workbench's snapshot current: reads the whole scope (at sign-in, F5, a large pull),
 * or only the tickets a save or a pulled page changed, and publishes each snapshot on the FX
 * thread to the list and the open ticket. Older whole reads are dropped when a newer one starts.
 */
final class ScopeFeed {

    /** How many of the newest tickets the first load shows while it reads the rest. */
    static final int FIRST_SCREEN = 400;
    /** More changed tickets than this (a first pull, a full resync): the scope is read again whole. */
    static final int REFRESH_LIMIT = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(ScopeFeed.class);

    private final ScopeLoader loader;
    private final UiTasks tasks;
    private final TicketList list;
    private final SelectedTicket selected;
    private final Texts texts;
    private final Consumer<ScopeSnapshot> announce;
    private final Latest loads;
    private final ReadOnlyObjectWrapper<ScopeSnapshot> snapshot = new ReadOnlyObjectWrapper<>(ScopeSnapshot.EMPTY);
    /** A sync wrote while the scope was being read (FX thread only). */
    private boolean readAgainWhenLoaded;

    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty partial = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final Map<String, String> displayNames = new HashMap<>();
    /** A ticket to select once it is in a snapshot (one just opened). */
    private UUID pendingSelection;

    private UiTasks.Running autoRefresh;

    private boolean publishing;

    ScopeFeed(
            ScopeLoader loader,
            UiTasks tasks,
            TicketList list,
            SelectedTicket selected,
            Texts texts,
            Consumer<ScopeSnapshot> announce) {
        this.loader = loader;
        this.tasks = tasks;
        this.list = list;
        this.selected = selected;
        this.texts = texts;
        this.announce = announce;
        this.loads = tasks.latest();
    }

    /**
     * Reads the whole scope again. The first load of a large scope shows the newest
     * {@value #FIRST_SCREEN} tickets at once, then (once they are painted) the whole list with its counts.
     */
    void reload() {
        loading.set(true);
        if (snapshot.get().isEmpty()) {
            loads.run(
                    UiTasks.Lane.STORE,
                    p -> new Loaded(loader.displayNames(), loader.newest(FIRST_SCREEN)),
                    first -> {
                        publish(first, null);
                        if (first.snapshot().partial()) {
                            // Let the first screen be painted before the whole county is read: on a two-core
                            // office PC that read would otherwise starve the screen for seconds.
                            tasks.afterNextFrame(this::loadAll);
                        } else {
                            // the first screen was the whole scope: what was read ahead would be out of date
                            // by the next reload (a save since), and must not be shown then
                            loader.dropReadAhead();
                            loaded(first.snapshot());
                        }
                    },
                    this::loadFailed);
        } else {
            loadAll();
        }
    }

    private void loadAll() {
        loads.run(
                UiTasks.Lane.STORE,
                p -> new Loaded(loader.displayNames(), loader.all()),
                all -> {
                    publish(all, null);
                    loaded(all.snapshot());
                },
                this::loadFailed);
    }

    /** Reads the scope again every {@code every} (unless a read is running), so changing clocks show. */
    void startAutoRefresh(Duration every) {
        stopAutoRefresh();
        autoRefresh = tasks.every(
                UiTasks.Lane.STORE,
                every,
                every,
                () -> tasks.later(() -> {
                    if (!loading.get()) {
                        reload();
                    }
                }));
    }

    void stopAutoRefresh() {
        if (autoRefresh != null) {
            autoRefresh.cancel();
            autoRefresh = null;
        }
    }

    private record Loaded(Map<String, String> names, ScopeSnapshot snapshot) {}

    private void loaded(ScopeSnapshot s) {
        loading.set(false);
        announce.accept(s);
        if (readAgainWhenLoaded) {
            readAgainWhenLoaded = false;
            reload();
        }
    }

    private void loadFailed(Throwable e) {
        readAgainWhenLoaded = false;
        error.set(texts.msg("workbench.loadFailed", FailureWords.of(texts, LOG, "Loading tickets failed", e)));
        partial.set(false);
        loading.set(false);
    }

    /**
     * Reads the tickets of {@code ids} again and puts them in place in the snapshot (new ones
     * first); nothing else is read. Many of them, or no snapshot yet: the whole scope is read.
     */
    void refresh(Collection<UUID> ids) {
        ScopeSnapshot base = snapshot.get();
        if (ids.isEmpty()) {
            return;
        }
        loader.dropReadAhead(); // the store changed: a read made before it is no longer the scope
        if (base.isEmpty() || base.partial() || ids.size() > REFRESH_LIMIT) {
            reload();
            return;
        }
        Set<UUID> wanted = Set.copyOf(ids);
        tasks.run(
                UiTasks.Lane.STORE,
                p -> {
                    ScopeSnapshot.Changes changes = loader.changes(wanted);
                    return new Refreshed(base, changes, base.replacing(changes));
                },
                r -> {
                    ScopeSnapshot now = snapshot.get();
                    // Made from the snapshot shown when it started; another one since: put the changes on that.
                    ScopeSnapshot next = now == r.base() ? r.next() : now.replacing(r.changes());
                    publish(new Loaded(null, next), r.changes().ids());
                    announce.accept(next);
                },
                this::loadFailed);
    }

    /** What a sync changed: those tickets put in place, or the whole scope read again after a large pull. */
    void synced(Synchronizer.Changed changed) {
        if (!changed.isEmpty()) {
            // what was read ahead before this sync is older than the store now
            loader.dropReadAhead();
            if (loading.get()) {
                // the read under way may have begun before the sync wrote: read again once it is done
                readAgainWhenLoaded = true;
                return;
            }
        }
        if (changed.many()) {
            if (!loading.get()) {
                reload();
            }
        } else if (!changed.isEmpty()) {
            refresh(changed.ids());
        }
    }

    private record Refreshed(ScopeSnapshot base, ScopeSnapshot.Changes changes, ScopeSnapshot next) {}

    /** Publishes a snapshot on the FX thread: the list, the counts and the open ticket follow it. */
    private void publish(Loaded loaded, Set<UUID> changed) {
        ScopeSnapshot s = loaded.snapshot();
        if (loaded.names() != null) {
            displayNames.putAll(loaded.names());
        }
        UUID keep = pendingSelection != null ? pendingSelection : selected.id();
        publishing = true;
        try {
            snapshot.set(s);
            partial.set(s.partial());
            list.show(s, changed);
        } finally {
            publishing = false;
        }
        if (pendingSelection != null && s.clocks().containsKey(pendingSelection)) {
            pendingSelection = null;
        }
        selected.follow(s, keep);
        error.set(null);
    }

    /** True while a snapshot is being shown: a table that drops its selection meanwhile keeps the open ticket. */
    boolean publishing() {
        return publishing;
    }

    /** Selects {@code id} as soon as a snapshot holds it (a ticket just opened). */
    void selectWhenLoaded(UUID id) {
        pendingSelection = id;
    }

    /** Who acted, as people read it: the platform by name, known users with their display name. */
    String actorName(String actor) {
        return named(displayNames, actor);
    }

    private String named(Map<String, String> known, String actor) {
        if (TicketEvent.PLATFORM.equals(actor)) {
            return texts.msg("actor.platform");
        }
        String name = known.get(actor);
        return name == null ? actor : texts.msg("actor.user", name, actor);
    }

    /** The same naming, fixed as of now, for work off the FX thread (which must not read this feed). */
    Function<String, String> actorNames() {
        Map<String, String> known = Map.copyOf(displayNames);
        return actor -> named(known, actor);
    }

    ScopeSnapshot snapshot() {
        return snapshot.get();
    }

    ReadOnlyObjectProperty<ScopeSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    ReadOnlyBooleanProperty partialProperty() {
        return partial;
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
