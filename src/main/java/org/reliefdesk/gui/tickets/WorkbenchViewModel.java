package org.reliefdesk.gui.tickets;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Window;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.clock.StepTiming;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.queue.DailyDigest;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.queue.WorkWatch;
import org.reliefdesk.logic.users.Capabilities;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.User;
import org.reliefdesk.store.FormDrafts;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.Outbox;
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
    public static final int FIRST_SCREEN = ScopeFeed.FIRST_SCREEN;

    private final LocalStore store;
    private final Catalog catalog;
    private final User user;
    private final AppConfig config;
    private final UiTasks tasks;
    private final Workspace workspace;
    private final WorkflowEngine engine;
    private final ScopeFeed feed;
    private final TicketSaves saves;
    private final Capabilities capabilities;

    private final TicketList list = new TicketList();
    private final SavedViews views;
    /** What this PC holds of the scope is still arriving from the central store (a first sync). */
    private final BooleanProperty incomplete = new SimpleBooleanProperty();

    private final SelectedTicket selected;
    private final ApplicantTickets applicant;
    private final StringProperty message = new SimpleStringProperty("");
    /** Whether the message says something went wrong (shown in red) or something was done. */
    private final BooleanProperty messageIsProblem = new SimpleBooleanProperty();

    private final WorkAlerts alerts;

    public WorkbenchViewModel(Workspace workspace, User user) {
        this.workspace = workspace;
        this.store = workspace.store;
        this.catalog = workspace.catalog;
        this.config = workspace.config;
        this.tasks = workspace.tasks;
        this.user = user;
        this.engine = workspace.engine();
        this.capabilities = Capabilities.of(user);
        this.alerts = WorkAlerts.of(config, user, capabilities, tasks);
        ScopeLoader loader = new ScopeLoader(
                store,
                TicketScope.of(user, catalog),
                user,
                workspace::clocks,
                config.clock(),
                engine,
                config.central().mode() != AppConfig.Central.Mode.OFF,
                workspace.readAhead());
        this.selected = new SelectedTicket(
                store, catalog, engine, user, config, workspace.attachments(), new FormDrafts(config.dataDir()), tasks);
        this.feed = new ScopeFeed(loader, tasks, list, selected, config.texts(), alerts::look);
        this.applicant = new ApplicantTickets(feed.snapshotProperty(), selected.ticketProperty());
        this.saves = new TicketSaves(workspace, user, feed, selected, this::say, this::warn, message::get);
        this.views = new SavedViews(config.dataDir(), user.username(), tasks, list);
        selected.saidProperty().addListener((o, a, said) -> say(said));
        selected.failureProperty().addListener((o, a, e) -> {
            if (e != null) {
                warn(config.texts()
                        .msg(
                                "workbench.loadFailed",
                                FailureWords.of(config.texts(), LOG, "Reading a history failed", e)));
            }
        });
    }

    /** A message about something done. */
    private void say(String text) {
        messageIsProblem.set(false);
        message.set(text);
    }

    /** A message about something refused or failed. */
    public void warn(String text) {
        messageIsProblem.set(true);
        message.set(text);
    }

    /**
     * Reads the whole scope again. The first load of a large scope shows the newest
     * {@value ScopeFeed#FIRST_SCREEN} tickets at once, then the whole list with its counts.
     */
    public void reload() {
        feed.reload();
    }

    /** Reads the tickets of {@code ids} again and puts them in place (see {@link ScopeFeed#refresh}). */
    public void refresh(Collection<UUID> ids) {
        feed.refresh(ids);
    }

    /** What a sync changed: those tickets put in place, or the whole scope read again after a large pull. */
    public void synced(Synchronizer.Changed changed) {
        alerts.synced(); // before the load it causes: that load is looked at
        feed.synced(changed);
    }

    /** True while a snapshot is being shown: a table that drops its selection meanwhile keeps the open ticket. */
    public boolean publishing() {
        return feed.publishing();
    }

    /**
     * Saves an action on the open ticket off the FX thread; only that ticket is read again (see
     * {@link TicketSaves#act}).
     */
    public void act(ActionDef action, Map<String, Object> values, String note) {
        Ticket ticket = selected.ticketProperty().get();
        if (ticket != null) {
            saves.act(ticket, action, values, note);
        }
    }

    /** Stores a ticket a staff member opened (off the FX thread), then shows it selected. */
    public void openTicket(TicketOpening.Request request) {
        saves.open(request);
    }

    /** Reads the scope again every {@code every} while signed in, so changing clocks show. */
    public void startAutoRefresh(Duration every) {
        feed.startAutoRefresh(every);
    }

    public void stopAutoRefresh() {
        feed.stopAutoRefresh();
    }

    /**
     * "Export this queue": the rows shown with the cells given, in the order shown, to a workbook
     * where the person chooses (see {@link TicketExport}).
     */
    public void exportTable(
            Window owner,
            String queueName,
            List<String> headers,
            List<Function<Ticket, Object>> cells,
            List<Ticket> shown) {
        new TicketExport(config, tasks, this::say, this::warn).export(owner, queueName, today(), headers, cells, shown);
    }

    /** Where a new ticket can be (see {@link ScopePlaces}). */
    public PlaceChoices placeChoices() {
        return new ScopePlaces(workspace.places(), user.countyCode(), feed.snapshot(), store, tasks);
    }

    /** Who acted, as people read it: the platform by name, known users with their display name. */
    public String actorName(String actor) {
        return feed.actorName(actor);
    }

    /** Who acted, named as {@link #actorName}, fixed now for work off the FX thread. */
    public Function<String, String> actorNames() {
        return feed.actorNames();
    }

    /** The order when no column is sorted: in "my tasks" the soonest step deadline first, else newest first. */
    public Comparator<Ticket> defaultOrder() {
        if (list.queueProperty().get() != Queue.MY_TASKS) {
            return null;
        }
        return Comparator.comparing(
                (Ticket t) -> clock(t).current().map(StepTiming::due).orElse(null),
                Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /** The ticket's clocks as of the snapshot shown. */
    public TicketClock clock(Ticket t) {
        ScopeSnapshot s = feed.snapshot();
        TicketClock c = s.clocks().get(t.id());
        if (c != null) {
            return c;
        }
        // Every ticket shown is in the snapshot with its clock; one that is not (not yet loaded)
        // gets the clock of its record alone, without its movements.
        TicketClocks maker = s.maker() != null ? s.maker() : workspace.clocks();
        return maker.compute(t, List.of(), s.at());
    }

    public long daysOpen(Ticket t) {
        return clock(t).openDays();
    }

    /** Whether the ticket's number is this PC's provisional one (not yet taken by the central store). */
    public boolean provisionalNumber(Ticket t) {
        return feed.snapshot().provisional().contains(t.id());
    }

    public Outbox.TicketSync syncState(Ticket t) {
        return feed.snapshot().syncStates().getOrDefault(t.id(), Outbox.TicketSync.SYNCED);
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
        return workspace.opening();
    }

    public ReadOnlyObjectProperty<ScopeSnapshot> snapshotProperty() {
        return feed.snapshotProperty();
    }

    /**
     * Whether the scope is still arriving from the central store (a first sync, a full resync): the
     * dashboard and the reports say their figures cover what has arrived so far. Bound to the sync.
     */
    public BooleanProperty incompleteProperty() {
        return incomplete;
    }

    /** This person's saved views (read when the views menu is built). */
    public SavedViews views() {
        return views;
    }

    public TicketList list() {
        return list;
    }

    /** The open ticket's applicant's other tickets in this scope. */
    public ApplicantTickets applicant() {
        return applicant;
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
        return alerts.property();
    }

    /** The day's figures of the scope, set once a working day for those who read the county. */
    public ObjectProperty<DailyDigest> digestProperty() {
        return alerts.digestProperty();
    }

    public BooleanProperty messageIsProblemProperty() {
        return messageIsProblem;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty partialProperty() {
        return feed.partialProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return feed.loadingProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return feed.errorProperty();
    }
}
