package org.reliefdesk.gui;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.queue.TicketSearch;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.User;
import org.reliefdesk.store.LocalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the workbench for one signed-in user: the tickets in scope, the chosen queue,
 * the search text, the selected ticket and its history. Store access runs on the
 * background executor; results are applied on the FX thread.
 */
public final class WorkbenchViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchViewModel.class);

    private final LocalStore store;
    private final User user;
    private final TicketScope scope;
    private final AppConfig config;
    private final ExecutorService background;

    private final ObservableList<Ticket> tickets = FXCollections.observableArrayList();
    private final FilteredList<Ticket> visible = new FilteredList<>(tickets, t -> true);
    private final ObjectProperty<Queue> queue = new SimpleObjectProperty<>(Queue.ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Ticket> selected = new SimpleObjectProperty<>();
    private final ObservableList<TicketEvent> selectedEvents = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final Map<Queue, IntegerProperty> queueCounts = new EnumMap<>(Queue.class);
    private Instant loadedAt = Instant.EPOCH;
    /** Usernames of people known on this machine, to show "李水清（water.clerk）" in histories. */
    private final Map<String, String> displayNames = new java.util.HashMap<>();

    WorkbenchViewModel(Workspace workspace, User user, ExecutorService background) {
        this(workspace.store, workspace.catalog, workspace.config, user, background);
    }

    WorkbenchViewModel(LocalStore store, Catalog catalog, AppConfig config, User user, ExecutorService background) {
        this.store = store;
        this.user = user;
        this.config = config;
        this.background = background;
        this.scope = TicketScope.of(user, catalog);
        for (Queue q : Queue.values()) {
            queueCounts.put(q, new SimpleIntegerProperty());
        }
        queue.addListener((o, a, b) -> refilter());
        search.addListener((o, a, b) -> refilter());
        selected.addListener((o, a, b) -> loadEvents(b));
    }

    /** Reloads the tickets in scope off the FX thread. */
    public void reload() {
        loading.set(true);
        Task<List<Ticket>> task = new Task<>() {
            @Override
            protected List<Ticket> call() {
                List<User> users = store.users().list();
                synchronized (displayNames) {
                    users.forEach(u -> displayNames.put(u.username(), u.displayName()));
                }
                return store.tickets().list(scope);
            }
        };
        task.setOnSucceeded(e -> {
            loadedAt = config.clock().instant();
            tickets.setAll(task.getValue());
            recount();
            refilter();
            loading.set(false);
        });
        task.setOnFailed(e -> {
            LOG.error("Loading tickets failed", task.getException());
            error.set(config.texts().msg("workbench.loadFailed", task.getException().getMessage()));
            loading.set(false);
        });
        background.submit(task);
    }

    private void loadEvents(Ticket ticket) {
        selectedEvents.clear();
        if (ticket == null) {
            return;
        }
        Task<List<TicketEvent>> task = new Task<>() {
            @Override
            protected List<TicketEvent> call() {
                return store.tickets().events(ticket.id());
            }
        };
        task.setOnSucceeded(e -> {
            if (ticket.equals(selected.get())) { // the user may have moved on meanwhile
                selectedEvents.setAll(task.getValue());
            }
        });
        task.setOnFailed(e -> LOG.error("Loading history of {} failed", ticket.ticketNo(), task.getException()));
        background.submit(task);
    }

    private void recount() {
        for (Queue q : Queue.values()) {
            queueCounts.get(q).set((int) tickets.stream().filter(t -> q.contains(t, loadedAt)).count());
        }
    }

    private void refilter() {
        Queue q = queue.get();
        String text = search.get();
        Instant now = loadedAt;
        visible.setPredicate(t -> q.contains(t, now) && TicketSearch.matches(t, text));
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

    public long daysOpen(Ticket t) {
        return Queue.daysOpen(t, config.clock().instant());
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
