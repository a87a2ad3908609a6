package org.reliefdesk.gui.tickets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Window;
import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.common.Latest;
import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.calendar.WorkingHours;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.PlaceDirectory;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.StepTiming;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.queue.WorkWatch;
import org.reliefdesk.logic.users.Capabilities;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.User;
import org.reliefdesk.report.ReportMaker;
import org.reliefdesk.report.TableWorkbook;
import org.reliefdesk.store.AttachmentStore;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.Outbox;
import org.reliefdesk.store.StaleTicketException;
import org.reliefdesk.store.TicketActions;
import org.reliefdesk.sync.Synchronizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench of one signed-in user. The scope is an immutable {@link ScopeSnapshot} published
 * on the FX thread; a save, an opened ticket or a pulled page replaces the tickets it changed
 * ({@link #refresh}), a whole load happens at sign-in, on F5 and after a full resync. The list
 * side is {@link TicketList}, the open ticket {@link SelectedTicket}; all store work goes through
 * {@link UiTasks}.
 */
public final class WorkbenchViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchViewModel.class);

    /** How many of the newest tickets the first load shows while it reads the rest. */
    public static final int FIRST_SCREEN = 400;
    /** More changed tickets than this (a first pull, a full resync): the scope is read again whole. */
    static final int REFRESH_LIMIT = 2_000;

    private final LocalStore store;
    private final Catalog catalog;
    private final User user;
    private final AppConfig config;
    private final UiTasks tasks;
    private final Workspace workspace;
    private final WorkflowEngine engine;
    private final TicketActions actions;
    private final AttachmentStore attachments;
    private final TicketOpening opening;
    private final ScopeLoader loader;
    private final Capabilities capabilities;

    private final TicketList list = new TicketList();
    private final SelectedTicket selected;
    private final ReadOnlyObjectWrapper<ScopeSnapshot> snapshot = new ReadOnlyObjectWrapper<>(ScopeSnapshot.EMPTY);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty partial = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<WorkWatch.Alerts> alerts = new SimpleObjectProperty<>();
    private final WorkWatch watch = new WorkWatch();
    private final Latest loads;
    private final Map<String, String> displayNames = new HashMap<>();
    /** A ticket to select once it is in a snapshot (one just opened). */
    private UUID pendingSelection;
    private boolean publishing;
    private UiTasks.Running autoRefresh;

    public WorkbenchViewModel(Workspace workspace, User user) {
        this.workspace = workspace;
        this.store = workspace.store;
        this.catalog = workspace.catalog;
        this.config = workspace.config;
        this.tasks = workspace.tasks;
        this.user = user;
        this.engine = workspace.engine();
        this.actions = workspace.actions();
        this.attachments = workspace.attachments();
        this.opening = workspace.opening();
        this.capabilities = Capabilities.of(user);
        this.loads = tasks.latest();
        this.loader = new ScopeLoader(store, TicketScope.of(user, catalog), user, workspace::clocks, config.clock(),
                engine, config.central().mode() != AppConfig.Central.Mode.OFF);
        this.selected = new SelectedTicket(store, catalog, engine, user, config.texts(), tasks);
        selected.failureProperty().addListener((o, a, e) -> {
            if (e != null) {
                LOG.error("Reading a ticket's history failed", e);
                message.set(config.texts().msg("workbench.loadFailed", e.getMessage()));
            }
        });
    }

    /**
     * Reads the whole scope again. The first load of a large scope shows the newest
     * {@value #FIRST_SCREEN} tickets at once, then (once they are painted) the whole list with its counts.
     */
    public void reload() {
        loading.set(true);
        if (snapshot.get().isEmpty()) {
            loads.run(UiTasks.Lane.STORE, p -> new Loaded(loader.displayNames(), loader.newest(FIRST_SCREEN)), first -> {
                publish(first, null);
                if (first.snapshot().partial()) {
                    // Let the first screen be painted before the whole county is read: on a two-core
                    // office PC that read would otherwise starve the screen for seconds.
                    tasks.afterNextFrame(this::loadAll);
                } else {
                    loaded(first.snapshot());
                }
            }, this::loadFailed);
        } else {
            loadAll();
        }
    }

    private void loadAll() {
        loads.run(UiTasks.Lane.STORE, p -> new Loaded(loader.displayNames(), loader.all()), all -> {
            publish(all, null);
            loaded(all.snapshot());
        }, this::loadFailed);
    }

    private record Loaded(Map<String, String> names, ScopeSnapshot snapshot) {
    }

    private void loaded(ScopeSnapshot s) {
        loading.set(false);
        announce(s);
    }

    private void loadFailed(Throwable e) {
        LOG.error("Loading tickets failed", e);
        error.set(config.texts().msg("workbench.loadFailed", e.getMessage()));
        partial.set(false);
        loading.set(false);
    }

    /**
     * Reads the tickets of {@code ids} again and puts them in place in the snapshot (new ones
     * first); nothing else is read. Many of them, or no snapshot yet: the whole scope is read.
     */
    public void refresh(Collection<UUID> ids) {
        ScopeSnapshot base = snapshot.get();
        if (ids.isEmpty()) {
            return;
        }
        if (base.isEmpty() || base.partial() || ids.size() > REFRESH_LIMIT) {
            reload();
            return;
        }
        Set<UUID> wanted = Set.copyOf(ids);
        tasks.run(UiTasks.Lane.STORE, p -> {
            ScopeSnapshot.Changes changes = loader.changes(wanted);
            return new Refreshed(base, changes, base.replacing(changes));
        }, r -> {
            ScopeSnapshot now = snapshot.get();
            // Made from the snapshot shown when it started; another one since: put the changes on that.
            ScopeSnapshot next = now == r.base() ? r.next() : now.replacing(r.changes());
            publish(new Loaded(null, next), r.changes().ids());
            announce(next);
        }, this::loadFailed);
    }

    /** What a sync changed: those tickets put in place, or the whole scope read again after a large pull. */
    public void synced(Synchronizer.Changed changed) {
        if (changed.many()) {
            if (!loading.get()) {
                reload();
            }
        } else if (!changed.isEmpty()) {
            refresh(changed.ids());
        }
    }

    private record Refreshed(ScopeSnapshot base, ScopeSnapshot.Changes changes, ScopeSnapshot next) {
    }

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
    public boolean publishing() {
        return publishing;
    }

    /** Tells the view what became the user's work since the last look (only in office hours). */
    private void announce(ScopeSnapshot s) {
        if (s.maker() == null) {
            return;
        }
        List<WorkWatch.Seen> mine = s.tickets().stream().filter(t -> s.actionable().contains(t.id()))
                .map(t -> new WorkWatch.Seen(t.id(), t.ticketNo(), s.clocks().get(t.id()).state() == LadderState.DUE_SOON))
                .toList();
        WorkWatch.Alerts news = watch.look(mine, WorkingHours.OFFICE.contains(s.at(), s.maker().calendar()));
        if (!news.isEmpty()) {
            alerts.set(news);
        }
    }

    /**
     * Saves an action on the open ticket off the FX thread: attachments are copied in, then the
     * change and its event are written together; only that ticket is read again. A refusal or a
     * change by someone else is said in the status line and nothing is written.
     */
    public void act(ActionDef action, Map<String, Object> values, String note) {
        Ticket ticket = selected.ticketProperty().get();
        if (ticket == null) {
            return;
        }
        Texts texts = config.texts();
        tasks.run(UiTasks.Lane.STORE, p -> {
            Map<String, Object> stored = attachments.storeAll(catalog.form(action.form())
                    .map(f -> f.fields()).orElse(List.of()), values);
            return actions.act(ticket.id(), ticket.version(), user, action.code(), stored, note);
        }, saved -> {
            message.set(texts.msg("action.saved", catalog.actionName(action.code(), texts.locale()), ticket.ticketNo()));
            refresh(Set.of(ticket.id()));
        }, e -> {
            if (e instanceof InvalidFieldException refused) {
                message.set(texts.describe(refused));
            } else if (e instanceof StaleTicketException) {
                message.set(texts.msg("action.stale", ticket.ticketNo()));
                refresh(Set.of(ticket.id()));
            } else {
                LOG.error("Saving {} on {} failed", action.code(), ticket.ticketNo(), e);
                message.set(texts.msg("action.failed", e.getMessage()));
            }
        });
    }

    /** Stores a ticket a staff member opened (off the FX thread), then shows it selected. */
    public void openTicket(TicketOpening.Request request) {
        Texts texts = config.texts();
        tasks.run(UiTasks.Lane.STORE, p -> store.tickets().insertOpened(opening.open(request, user),
                new TicketLineCodec(catalog)), opened -> {
            message.set(texts.msg(config.central().mode() == AppConfig.Central.Mode.OFF ? "newTicket.saved"
                    : "newTicket.savedProvisional", opened.ticketNo()));
            pendingSelection = opened.id();
            refresh(Set.of(opened.id()));
        }, e -> {
            message.set(e instanceof InvalidFieldException refused ? texts.describe(refused)
                    : texts.msg("action.failed", e.getMessage()));
            if (!(e instanceof InvalidFieldException)) {
                LOG.error("Opening a ticket failed", e);
            }
        });
    }

    /** Reads the scope again every {@code every} while signed in, so changing clocks show. */
    public void startAutoRefresh(java.time.Duration every) {
        stopAutoRefresh();
        autoRefresh = tasks.every(UiTasks.Lane.STORE, every, every, () -> tasks.later(() -> {
            if (!loading.get()) {
                reload();
            }
        }));
    }

    public void stopAutoRefresh() {
        if (autoRefresh != null) {
            autoRefresh.cancel();
            autoRefresh = null;
        }
    }

    /**
     * "Export this queue": the rows shown with the cells given, in the order shown, to a workbook
     * (numbers as numbers, times as Excel dates), where the person chooses; made off the FX thread
     * (a county-wide table has 100,000 rows).
     */
    public void exportTable(Window owner, String queueName, List<String> headers,
            List<Function<Ticket, Object>> cells, List<Ticket> shown) {
        Texts texts = config.texts();
        Optional<Path> file = config.fileSaver().save(owner,
                queueName.replaceAll("[（）()]", "-").replaceAll("-+$", "") + "-" + today() + ".xlsx", "xlsx");
        if (file.isEmpty()) {
            return;
        }
        String title = texts.msg("report.export.title", queueName);
        String subtitle = texts.msg("report.export.subtitle", Formats.dateTime(config.clock().instant()), shown.size());
        tasks.run(UiTasks.Lane.JOB, p -> {
            List<List<Object>> rows = new ArrayList<>(shown.size());
            for (Ticket t : shown) {
                List<Object> row = new ArrayList<>(cells.size());
                cells.forEach(c -> row.add(Formats.exportValue(c.apply(t))));
                rows.add(row);
            }
            ReportMaker.atomically(file.get(), out -> TableWorkbook.write(
                    texts.msg("tab.tickets"), title, subtitle, headers, rows, out));
            return shown.size();
        }, n -> message.set(texts.msg("workbench.exported", n, file.get())),
                e -> message.set(texts.msg("workbench.exportFailed", file.get(), String.valueOf(e.getMessage()))));
    }

    /**
     * Where a new ticket can be: the user's county and its townships from the place directory
     * (with those of the loaded tickets), a township's villages from the directory and the stored
     * tickets (read off the FX thread).
     */
    public PlaceChoices placeChoices() {
        PlaceDirectory directory = workspace.places();
        String county = user.countyCode();
        Map<String, Place> townships = new LinkedHashMap<>();
        directory.townships(county).forEach(t -> townships.put(t.code(), t));
        snapshot.get().tickets().forEach(t -> townships.putIfAbsent(t.township().code(), t.township()));
        return new PlaceChoices() {
            @Override
            public Place county() {
                return directory.countyOrCode(county);
            }

            @Override
            public List<Place> townships() {
                return List.copyOf(townships.values());
            }

            @Override
            public void villages(String townshipCode, Consumer<List<Place>> then) {
                tasks.run(UiTasks.Lane.STORE, p -> directory.withKnown(county, List.of(),
                        Map.of(townshipCode, store.tickets().villagesOf(townshipCode))).villages(townshipCode), then,
                        e -> LOG.warn("Reading the villages of {} failed", townshipCode, e));
            }
        };
    }

    /** Where a stored attachment lives, as an address a picture can be loaded from. */
    public URI attachmentUri(String storedName) {
        return attachments.path(storedName).toUri();
    }

    /** Opens a stored attachment in the system's viewer; says so in the status line when it cannot. */
    public void openAttachment(String storedName) {
        Path file = attachments.path(storedName);
        if (!Files.isRegularFile(file)) {
            message.set(config.texts().msg("attachment.missing", file.getFileName().toString()));
            return;
        }
        try {
            config.fileOpener().open(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Opening {} failed", file, e);
            message.set(config.texts().msg("attachment.openFailed", file.getFileName().toString(), e.getMessage()));
        }
    }

    /** Who acted, as people read it: the platform by name, known users with their display name. */
    public String actorName(String actor) {
        if (TicketEvent.PLATFORM.equals(actor)) {
            return config.texts().msg("actor.platform");
        }
        String name = displayNames.get(actor);
        return name == null ? actor : config.texts().msg("actor.user", name, actor);
    }

    /** The order when no column is sorted: in "my tasks" the soonest step deadline first, else newest first. */
    public Comparator<Ticket> defaultOrder() {
        if (list.queueProperty().get() != Queue.MY_TASKS) {
            return null;
        }
        return Comparator.comparing((Ticket t) -> clock(t).current().map(StepTiming::due).orElse(null),
                Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /** The ticket's clocks as of the snapshot shown. */
    public TicketClock clock(Ticket t) {
        ScopeSnapshot s = snapshot.get();
        TicketClock c = s.clocks().get(t.id());
        if (c != null) {
            return c;
        }
        TicketClocks maker = s.maker() != null ? s.maker() : workspace.clocks();
        return maker.compute(t, s.histories().getOrDefault(t.id(), List.of()), s.at());
    }

    public long daysOpen(Ticket t) {
        return clock(t).openDays();
    }

    /** Whether the ticket's number is this PC's provisional one (not yet taken by the central store). */
    public boolean provisionalNumber(Ticket t) {
        return snapshot.get().provisional().contains(t.id());
    }

    public Outbox.TicketSync syncState(Ticket t) {
        return snapshot.get().syncStates().getOrDefault(t.id(), Outbox.TicketSync.SYNCED);
    }

    public LocalDate today() {
        return LocalDate.now(config.clock().withZone(ChinaTime.ZONE));
    }

    public boolean canOpenTickets() {
        return capabilities.opensTickets();
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    public TicketOpening opening() {
        return opening;
    }

    public ReadOnlyObjectProperty<ScopeSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public TicketList list() {
        return list;
    }

    public SelectedTicket selected() {
        return selected;
    }

    public Workspace workspace() {
        return workspace;
    }

    public LocalStore store() {
        return store;
    }

    public UiTasks tasks() {
        return tasks;
    }

    public TicketClocks clocks() {
        return workspace.clocks();
    }

    public Catalog catalog() {
        return catalog;
    }

    public User user() {
        return user;
    }

    public AppConfig config() {
        return config;
    }

    public ObjectProperty<WorkWatch.Alerts> alertsProperty() {
        return alerts;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty partialProperty() {
        return partial;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
