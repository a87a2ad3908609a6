package org.reliefdesk.gui.tickets;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.queue.TicketSearch;
import org.reliefdesk.logic.workflow.TicketFacts;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.store.AttachmentStore;
import org.reliefdesk.store.StaleTicketException;
import org.reliefdesk.store.TicketActions;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.User;
import org.reliefdesk.store.LocalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;
import org.reliefdesk.logic.calendar.WorkingHours;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.StepTiming;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.WorkWatch;
import org.reliefdesk.logic.workflow.AttachmentNames;
import org.reliefdesk.logic.workflow.TicketAttachments;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.Role;
import org.reliefdesk.store.Outbox;
import org.reliefdesk.store.TicketStore;

/**
 * State of the workbench for one signed-in user: the tickets in scope, the chosen queue,
 * the search text, the selected ticket and its history. Store access runs on the
 * background executor; results are applied on the FX thread.
 */
public final class WorkbenchViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchViewModel.class);

    private final LocalStore store;
    private final Catalog catalog;
    private final User user;
    private final TicketScope scope;
    private final AppConfig config;
    private final ExecutorService background;

    private final ObservableList<Ticket> tickets = FXCollections.observableArrayList();
    /** The tickets of the chosen queue that match the search text, in the loaded order. */
    private final ObservableList<Ticket> visible = FXCollections.observableArrayList();
    /** The search over the loaded list, built once per load. */
    private TicketSearch.Index searchIndex = new TicketSearch.Index(List.of());
    /**
     * Recent results by queue and search text, for the loaded list: a backspace shows again what
     * the shorter text showed a moment ago without searching the county again. Emptied by a load.
     */
    private final Map<String, List<Ticket>> recentResults = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Ticket>> eldest) {
            return size() > RECENT_RESULTS;
        }
    };
    private static final int RECENT_RESULTS = 24;
    private final ObjectProperty<Queue> queue = new SimpleObjectProperty<>(Queue.ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Ticket> selected = new SimpleObjectProperty<>();
    private final ObservableList<TicketEvent> selectedEvents = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final Map<Queue, IntegerProperty> queueCounts = new EnumMap<>(Queue.class);
    private final ObjectProperty<TicketClock> selectedClock = new SimpleObjectProperty<>();
    private final Supplier<TicketClocks> clockSource;
    private TicketClocks clockMaker;
    /** Step movements (no forms) and clocks of the loaded tickets, computed together off the FX thread. */
    private Map<UUID, List<TicketEvent>> histories = Map.of();
    private Map<UUID, TicketClock> clocks = Map.of();
    private Set<UUID> actionable = Set.of();
    /** Tickets with operations for the central store, and where their latest one stands. */
    private Map<UUID, Outbox.TicketSync> syncStates = Map.of();
    private Set<UUID> provisional = Set.of();
    private Instant loadedAt = Instant.EPOCH;
    /** Usernames of people known on this machine, to show "李水清（water.clerk）" in histories. */
    private final Map<String, String> displayNames = new HashMap<>();

    public WorkbenchViewModel(Workspace workspace, User user, ExecutorService background) {
        this(workspace.store, workspace.catalog, workspace::clocks, workspace.config, user, background);
        this.engine = workspace.engine();
        this.actions = workspace.actions();
        this.attachments = workspace.attachments();
        this.opening = workspace.opening();
    }

    private TicketOpening opening;

    public TicketOpening opening() {
        return opening;
    }

    /** Clerks and township staff open tickets for residents; leaders and administrators do not. */
    public boolean canOpenTickets() {
        return opening != null && (user.role() == Role.CLERK
                || user.role() == Role.TOWNSHIP);
    }

    public List<Place> villagesOf(String townshipCode) {
        return store.tickets().villagesOf(townshipCode);
    }

    /** Stores a ticket a staff member opened (off the FX thread), then shows it selected. */
    public void openTicket(TicketOpening.Request request) {
        Task<Ticket> task = new Task<>() {
            @Override
            protected Ticket call() {
                return store.tickets().insertOpened(opening.open(request, user), new TicketLineCodec(catalog));
            }
        };
        task.setOnSucceeded(e -> {
            message.set(config.texts().msg(config.central().mode() == AppConfig.Central.Mode.OFF ? "newTicket.saved"
                    : "newTicket.savedProvisional", task.getValue().ticketNo()));
            pendingSelection = task.getValue().id();
            reload();
        });
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            message.set(error instanceof InvalidFieldException refused ? config.texts().describe(refused)
                    : config.texts().msg("action.failed", error.getMessage()));
            if (!(error instanceof InvalidFieldException)) {
                LOG.error("Opening a ticket failed", error);
            }
        });
        background.submit(task);
    }

    /** A ticket to select after the next load (one just opened). */
    private UUID pendingSelection;

    /** An action the user could take in the ticket's step, and why not, if it is refused now. */
    public record ActionChoice(ActionDef action, String refusal) {
    }

    private WorkflowEngine engine;
    private TicketActions actions;
    private AttachmentStore attachments;
    private final ObservableList<ActionChoice> actionChoices = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    public ObservableList<ActionChoice> actionChoices() {
        return actionChoices;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public LocalStore store() {
         return store;
    }

    /** The background executor: store work off the FX thread, one task at a time. */
    public ExecutorService background() {
         return background;
    }

    /** The clocks with the working calendar as it is now (for reports). */
    public TicketClocks clocks() {
        return clockSource.get();
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The files attached to the selected ticket's forms, oldest first. */
    public List<TicketAttachments.Attached> selectedAttachments() {
        Ticket t = selected.get();
        return t == null ? List.of()
                : TicketAttachments.of(catalog, t.itemCode(), selectedEvents).stream()
                        // a name that is not a stored name was never stored here (an old or foreign form)
                        .filter(a -> AttachmentNames.valid(a.storedName())).toList();
    }

    /** Where a stored attachment lives in the data directory. */
    public Path attachmentPath(String storedName) {
        return (attachments != null ? attachments : new AttachmentStore(config.dataDir())).path(storedName);
    }

    /** Opens a stored attachment in the system's viewer; says so in the status line when it cannot. */
    public void openAttachment(Path file) {
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

    /** What the selected ticket's forms have established, for "required when" fields. */
    public Map<String, Object> selectedFacts() {
        return TicketFacts.of(selectedEvents);
    }

    public LocalDate today() {
        return LocalDate.now(config.clock().withZone(WorkflowEngine.ZONE));
    }

    private void refreshActions(Ticket ticket) {
        actionChoices.clear();
        if (ticket == null || engine == null) {
            return;
        }
        List<TicketEvent> history = List.copyOf(selectedEvents);
        for (ActionDef a : catalog.workflowOf(ticket.itemCode()).actions()) {
            if (a.from().contains(ticket.currentStep()) && a.roles().contains(user.role())) {
                String refusal = engine.refusal(ticket, history, user, a)
                        .map(e -> config.texts().ruleText(e)).orElse(null);
                actionChoices.add(new ActionChoice(a, refusal));
            }
        }
    }

    /**
     * Saves an action on the selected ticket off the FX thread: attachments are copied in,
     * then the ticket change and its event are written together; the queues, the row and the
     * timeline refresh. A refusal or a change by someone else is reported and nothing is written.
     */
    public void act(ActionDef action, Map<String, Object> values, String note) {
        Ticket ticket = selected.get();
        if (ticket == null) {
            return;
        }
        Task<Ticket> task = new Task<>() {
            @Override
            protected Ticket call() {
                Map<String, Object> stored = attachments.storeAll(catalog.form(action.form())
                        .map(f -> f.fields()).orElse(List.of()), values);
                return actions.act(ticket.id(), ticket.version(), user, action.code(), stored, note);
            }
        };
        task.setOnSucceeded(e -> {
            message.set(config.texts().msg("action.saved", catalog.actionName(action.code(), config.texts().locale()),
                    ticket.ticketNo()));
            reload();
        });
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            if (error instanceof InvalidFieldException refused) {
                message.set(config.texts().describe(refused));
            } else if (error instanceof StaleTicketException) {
                message.set(config.texts().msg("action.stale", ticket.ticketNo()));
                reload();
            } else {
                LOG.error("Saving {} on {} failed", action.code(), ticket.ticketNo(), error);
                message.set(config.texts().msg("action.failed", error.getMessage()));
            }
        });
        background.submit(task);
    }

    public WorkbenchViewModel(LocalStore store, Catalog catalog, Supplier<TicketClocks> clocks,
                       AppConfig config, User user, ExecutorService background) {
        this.store = store;
        this.catalog = catalog;
        this.clockSource = clocks;
        this.user = user;
        this.config = config;
        this.background = background;
        this.scope = TicketScope.of(user, catalog);
        for (Queue q : Queue.values()) {
            queueCounts.put(q, new SimpleIntegerProperty());
        }
        queue.addListener((o, a, b) -> narrow());
        search.addListener((o, a, b) -> narrow());
        selected.addListener((o, a, b) -> showHistory(b));
    }

    /** What one load brings back: tickets, their histories and clocks at one moment, and their search. */
    private record Loaded(List<Ticket> tickets, Map<UUID, List<TicketEvent>> histories,
                          Map<UUID, TicketClock> clocks, Set<UUID> actionable, TicketClocks maker, Instant at,
                          TicketSearch.Index search, Map<UUID, Outbox.TicketSync> syncStates,
                          Set<UUID> provisional) {
    }

    /** How many of the newest tickets the first load shows while it reads the rest. */
    public static final int FIRST_SCREEN = 400;
    private final BooleanProperty partial = new SimpleBooleanProperty();

    /** True while only the newest tickets are shown and the rest (and the counts) are being read. */
    public BooleanProperty partialProperty() {
        return partial;
    }

    /**
     * Reloads the tickets in scope off the FX thread. The first load of a large scope shows the
     * newest {@value #FIRST_SCREEN} tickets at once, then the whole list with its counts.
     */
    public void reload() {
        loading.set(true);
        boolean first = tickets.isEmpty();
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() {
                List<User> users = store.users().list();
                synchronized (displayNames) {
                    users.forEach(u -> displayNames.put(u.username(), u.displayName()));
                }
                if (first) {
                    long started = System.nanoTime();
                    TicketStore.Screen first = store.tickets().newest(scope, FIRST_SCREEN);
                    List<Ticket> newest = first.tickets();
                    Loaded screen = compute(newest, first.timelines());
                    LOG.info("First screen for {}: {} tickets in {} ms", user.username(), newest.size(),
                            (System.nanoTime() - started) / 1_000_000);
                    if (newest.size() < FIRST_SCREEN) {
                        return screen; // that was all of them
                    }
                    CountDownLatch painted = new CountDownLatch(1);
                    Platform.runLater(() -> {
                        apply(screen, true);
                        afterNextFrame(painted::countDown);
                    });
                    // Let the first screen be painted before the whole county is read: on a
                    // two-core office PC that read would otherwise starve the screen for seconds.
                    try {
                        painted.await(3, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return screen;
                    }
                }
                long started = System.nanoTime();
                List<Ticket> list = store.tickets().list(scope);
                long listed = System.nanoTime();
                Map<UUID, List<TicketEvent>> events = store.tickets().timelines(scope);
                long read = System.nanoTime();
                Loaded all = compute(list, events);
                LOG.info("Loaded {} tickets for {}: list {} ms, timelines {} ms, clocks {} ms", list.size(),
                        user.username(), (listed - started) / 1_000_000, (read - listed) / 1_000_000,
                        (System.nanoTime() - read) / 1_000_000);
                return all;
            }
        };
        task.setOnSucceeded(e -> {
            apply(task.getValue(), false);
            loading.set(false);
        });
        task.setOnFailed(e -> {
            LOG.error("Loading tickets failed", task.getException());
            error.set(config.texts().msg("workbench.loadFailed", task.getException().getMessage()));
            partial.set(false);
            loading.set(false);
        });
        background.submit(task);
    }

    /** Runs {@code then} once a frame has been drawn after this one (on the FX thread). */
    private static void afterNextFrame(Runnable then) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    /** Clocks and "my tasks" for loaded tickets (off the FX thread). */
    private Loaded compute(List<Ticket> list, Map<UUID, List<TicketEvent>> events) {
        Instant now = config.clock().instant();
        TicketClocks maker = clockSource.get();
        Map<UUID, TicketClock> computed = new HashMap<>(list.size() * 2);
        Set<UUID> mine = new HashSet<>();
        for (Ticket t : list) {
            computed.put(t.id(), maker.compute(t, events.getOrDefault(t.id(), List.of()), now));
            if (engine != null && engine.mayActInStep(t, user)) {
                mine.add(t.id());
            }
        }
        return new Loaded(list, events, computed, mine, maker, now, new TicketSearch.Index(list),
                store.outbox().ticketStates(), config.central().mode() == AppConfig.Central.Mode.OFF
                        ? Set.of() : store.outbox().provisional());
    }

    /** Shows a load: the list, counts and filters; the same ticket stays selected (found again by id). */
    private void apply(Loaded loaded, boolean screenOnly) {
        loadedAt = loaded.at();
        clockMaker = loaded.maker();
        histories = loaded.histories();
         clocks = loaded.clocks();
        actionable = loaded.actionable();
        syncStates = loaded.syncStates();
        provisional = loaded.provisional();
        UUID keep = pendingSelection != null ? pendingSelection : selected.get() == null ? null : selected.get().id();
        pendingSelection = screenOnly ? keep : null;
        partial.set(screenOnly);
        tickets.setAll(loaded.tickets());
        recount();
        searchIndex = loaded.search();
        recentResults.clear();
        narrow();
        if (!screenOnly) {
            announce(loaded);
        }
        Ticket fresh = keep == null ? null
                : loaded.tickets().stream().filter(t -> t.id().equals(keep)).findFirst().orElse(null);
        if (fresh != null || !screenOnly) {
            selected.set(null);
            selected.set(fresh);
        }
    }

    private final WorkWatch watch = new WorkWatch();
    private final ObjectProperty<WorkWatch.Alerts> alerts = new SimpleObjectProperty<>();
    private Timeline autoRefresh;

    /** Tells the view what became the user's work since the last load (only in office hours). */
    private void announce(Loaded loaded) {
        List<WorkWatch.Seen> mine = loaded.tickets().stream()
                .filter(t -> loaded.actionable().contains(t.id()))
                .map(t -> new WorkWatch.Seen(t.id(), t.ticketNo(),
                        loaded.clocks().get(t.id()).state() == LadderState.DUE_SOON))
                .toList();
        boolean office = WorkingHours.OFFICE.contains(loaded.at(), loaded.maker().calendar());
        WorkWatch.Alerts news = watch.look(mine, office);
        if (!news.isEmpty()) {
            alerts.set(news);
        }
    }

    /** The latest news for the user; a new value each time there is something to announce. */
    public ObjectProperty<WorkWatch.Alerts> alertsProperty() {
        return alerts;
    }

    /** Reloads every {@code every} while signed in, so new tickets and changing clocks show up. */
    public void startAutoRefresh(Duration every) {
        stopAutoRefresh();
        autoRefresh = new Timeline(new KeyFrame(every, e -> {
            if (!loading.get()) {
                reload();
            }
        }));
        autoRefresh.setCycleCount(Animation.INDEFINITE);
        autoRefresh.play();
    }

    /** Stops the periodic reload (when the user signs out). */
    public void stopAutoRefresh() {
        if (autoRefresh != null) {
            autoRefresh.stop();
            autoRefresh = null;
        }
    }

    private void showHistory(Ticket ticket) {
        if (ticket == null) {
            selectedEvents.clear();
            selectedClock.set(null);
            actionChoices.clear();
            return;
        }
        // The list holds each ticket's step movements only; its forms and notes are read when it is opened.
        selectedEvents.clear();
        actionChoices.clear();
        selectedClock.set(clocks.get(ticket.id()));
        Task<List<TicketEvent>> read = new Task<>() {
            @Override
            protected List<TicketEvent> call() {
                return store.tickets().events(ticket.id());
            }
        };
        read.setOnSucceeded(e -> {
            if (ticket.equals(selected.get())) {
                selectedEvents.setAll(read.getValue());
                refreshActions(ticket);
            }
        });
        read.setOnFailed(e -> {
            LOG.error("Reading the history of {} failed", ticket.ticketNo(), read.getException());
            message.set(config.texts().msg("workbench.loadFailed", read.getException().getMessage()));
        });
        background.submit(read);
    }

    private void recount() {
        for (Queue q : Queue.values()) {
            queueCounts.get(q).set((int) tickets.stream().filter(t -> q.contains(t, clock(t), actionable.contains(t.id()))).count());
        }
    }

    /**
     * Shows the tickets of the chosen queue that match the search text. A result is kept for the
     * rest of this load (a few of them), and the shown list is replaced only when it differs:
     * every ticket number starts with the county code, and its digits typed one by one leave the
     * same tickets shown.
     */
    private void narrow() {
        Queue q = queue.get();
        String text = search.get() == null ? "" : search.get().strip();
        String key = q.name() + '\u0000' + text;
        List<Ticket> found = recentResults.get(key);
        if (found == null) {
            Set<UUID> mine = actionable;
            found = searchIndex.find(text, q == Queue.ALL ? t -> true
                    : t -> q.contains(t, clock(t), mine.contains(t.id())));
            recentResults.put(key, found);
        }
        if (!sameTickets(found, visible)) {
            visible.setAll(found);
        }
    }

    private static boolean sameTickets(List<Ticket> a, List<Ticket> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Who acted, as people read it: the platform by name, known users with their display name. */
    public String actorName(String actor) {
        if (TicketEvent.PLATFORM.equals(actor)) {
            return config.texts().msg("actor.platform");
        }
        String name;
        synchronized (displayNames) {
            name = displayNames.get(actor);
        }
        return name == null ? actor : config.texts().msg("actor.user", name, actor);
    }

    /**
     * The order when no column is sorted: in "my tasks" the soonest step deadline first (open-ended
     * steps last), elsewhere the newest ticket first as loaded.
     */
    public Comparator<Ticket> defaultOrder() {
        if (queue.get() != Queue.MY_TASKS) {
            return null;
        }
        return Comparator.comparing((Ticket t) -> clock(t).current()
                .map(StepTiming::due).orElse(null),
                Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /** Whether the ticket's changes reached the central store (as of the last load). */
    /** Whether the ticket's number is this PC's provisional one (opened here, not yet taken by the central store). */
    public boolean provisionalNumber(Ticket t) {
        return provisional.contains(t.id());
    }

    public Outbox.TicketSync syncState(Ticket t) {
        return syncStates.getOrDefault(t.id(), Outbox.TicketSync.SYNCED);
    }

    /** The ticket's clocks as of the last load. */
    public TicketClock clock(Ticket t) {
        TicketClock c = clocks.get(t.id());
        if (c != null) {
            return c;
        }
        if (clockMaker == null) {
            clockMaker = clockSource.get();
        }
        return clockMaker.compute(t, histories.getOrDefault(t.id(), List.of()), loadedAt);
    }

    public long daysOpen(Ticket t) {
        return clock(t).openDays();
    }

    public ObjectProperty<TicketClock> selectedClockProperty() {
        return selectedClock;
    }

    public User user() {
        return user;
    }

    public AppConfig config() {
        return config;
    }

    public ObservableList<Ticket> visibleTickets() {
        return visible;
    }

    public ObservableList<Ticket> allTickets() {
        return tickets;
    }

    public ObjectProperty<Queue> queueProperty() {
        return queue;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Ticket> selectedProperty() {
        return selected;
    }

    public ObservableList<TicketEvent> selectedEvents() {
        return selectedEvents;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public IntegerProperty countProperty(Queue q) {
        return queueCounts.get(q);
    }
}
