package org.reliefdesk.gui.tickets;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import org.reliefdesk.gui.common.Latest;
import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.forms.Drafting;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.workflow.AttachmentNames;
import org.reliefdesk.logic.workflow.FormPrefill;
import org.reliefdesk.logic.workflow.TicketAttachments;
import org.reliefdesk.logic.workflow.TicketFacts;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.User;
import org.reliefdesk.store.AttachmentStore;
import org.reliefdesk.store.FormDrafts;
import org.reliefdesk.store.LocalStore;
import org.slf4j.LoggerFactory;

/**
 * The ticket open in the detail pane: chosen by id, shown as the snapshot holds it, with its full
 * history (forms and notes, read when it is opened) and the actions this user could take now.
 * A new snapshot re-reads the history only when the selected ticket itself changed.
 */
public final class SelectedTicket {

    /** An action the user could take in the ticket's step, and why not (said in the user's language), if refused now. */
    public record ActionChoice(ActionDef action, String refusal) {}

    private final LocalStore store;
    private final Catalog catalog;
    private final WorkflowEngine engine;
    private final User user;
    private final Texts texts;
    private final Latest reading;
    private final AppConfig config;
    private final AttachmentStore attachments;
    private final FormDrafts drafts;
    private final UiTasks tasks;
    /** The open ticket's drafts, by action: forms left unsaved by a crash or a power cut. */
    private final Map<String, FormDrafts.Draft> draftsOfTicket = new HashMap<>();
    /** When each of them was kept, for the view. */
    private final ObservableMap<String, Instant> draftTimes = FXCollections.observableHashMap();
    /** What opening an attachment ran into, in the user's words (for the status line). */
    private final StringProperty said = new SimpleStringProperty("");

    private final ObjectProperty<Ticket> ticket = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TicketClock> clock = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TicketEvent> events = FXCollections.observableArrayList();
    private final ObservableList<ActionChoice> choices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private ScopeSnapshot snapshot = ScopeSnapshot.EMPTY;

    SelectedTicket(
            LocalStore store,
            Catalog catalog,
            WorkflowEngine engine,
            User user,
            AppConfig config,
            AttachmentStore attachments,
            FormDrafts drafts,
            UiTasks tasks) {
        this.store = store;
        this.drafts = drafts;
        this.tasks = tasks;
        this.config = config;
        this.attachments = attachments;
        this.catalog = catalog;
        this.engine = engine;
        this.user = user;
        this.texts = config.texts();
        this.reading = tasks.latest();
        ticket.addListener((o, was, now) -> {
            if (was == null || now == null || !was.id().equals(now.id()) || was.version() != now.version()) {
                read(now);
            }
        });
    }

    /** The id of the ticket shown, or null. */
    public UUID id() {
        return ticket.get() == null ? null : ticket.get().id();
    }

    /**
     * A new snapshot: the same ticket (found again by id) stays selected, and its history is read
     * again only if it changed; a ticket gone from the scope is no longer selected.
     */
    void follow(ScopeSnapshot next, UUID keep) {
        snapshot = next;
        if (keep == null) {
            return;
        }
        Ticket fresh = next.tickets().stream()
                .filter(t -> t.id().equals(keep))
                .findFirst()
                .orElse(null);
        if (fresh == null && next.partial()) {
            return; // not among the first screen yet
        }
        Ticket shown = ticket.get();
        if (fresh != null && shown != null && fresh.id().equals(shown.id()) && fresh.version() == shown.version()) {
            clock.set(next.clocks().get(fresh.id()));
            return;
        }
        ticket.set(fresh);
    }

    /** A ticket's history with this person's drafts of its forms, read together. */
    private record Read(List<TicketEvent> history, Map<String, FormDrafts.Draft> drafts) {}

    private void read(Ticket t) {
        events.clear();
        choices.clear();
        draftsOfTicket.clear();
        draftTimes.clear();
        clock.set(t == null ? null : snapshot.clocks().get(t.id()));
        if (t == null) {
            reading.cancel();
            return;
        }
        reading.run(
                UiTasks.Lane.STORE,
                p -> new Read(store.tickets().events(t.id()), drafts.of(user.username(), t.id())),
                read -> {
                    events.setAll(read.history());
                    refreshChoices(t, read.history());
                    for (FormDrafts.Draft d : read.drafts().values()) {
                        if (choices.stream().anyMatch(c -> c.action().code().equals(d.action()))) {
                            hold(d);
                        } else { // the ticket moved on (acted on elsewhere): the form can no longer be saved
                            forget(t.id(), d.action());
                        }
                    }
                },
                failure::set);
    }

    private void refreshChoices(Ticket t, List<TicketEvent> history) {
        choices.clear();
        for (ActionDef a : catalog.workflowOf(t.itemCode()).actions()) {
            if (a.from().contains(t.currentStep()) && a.roles().contains(user.role())) {
                String refusal =
                        engine.refusal(t, history, user, a).map(texts::ruleText).orElse(null);
                choices.add(new ActionChoice(a, refusal));
            }
        }
    }

    /** Where a stored attachment lives, as an address a picture can be loaded from. */
    public URI attachmentUri(String storedName) {
        return attachments.path(storedName).toUri();
    }

    /** Opens a stored attachment in the system's viewer; says so in the status line when it cannot. */
    public void openAttachment(String storedName) {
        Path file = attachments.path(storedName);
        if (!Files.isRegularFile(file)) {
            said.set(texts.msg("attachment.missing", file.getFileName().toString()));
            return;
        }
        try {
            config.fileOpener().open(file);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(SelectedTicket.class).warn("Opening {} failed", file, e);
            said.set(texts.msg("attachment.openFailed", file.getFileName().toString(), e.getMessage()));
        }
    }

    public ObjectProperty<Ticket> ticketProperty() {
        return ticket;
    }

    public ReadOnlyObjectProperty<TicketClock> clockProperty() {
        return clock.getReadOnlyProperty();
    }

    public ObservableList<TicketEvent> events() {
        return events;
    }

    public ObservableList<ActionChoice> choices() {
        return choices;
    }

    public StringProperty saidProperty() {
        return said;
    }

    /** A history that could not be read (the view says it in the status line). */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** What the ticket's forms have established, for "required when" fields. */
    public Map<String, Object> facts() {
        return TicketFacts.of(events);
    }

    /** What {@code action}'s form opens with for this ticket and person (the verifier, the village, today). */
    public Map<String, String> prefill(ActionDef action) {
        Ticket t = ticket.get();
        return t == null
                ? Map.of()
                : catalog.form(action.form())
                        .map(f -> FormPrefill.of(f, t, user, config.clock()))
                        .orElse(Map.of());
    }

    /** When the open ticket's unsaved forms were kept, by action code (their buttons say so). */
    public ObservableMap<String, Instant> drafts() {
        return draftTimes;
    }

    private void hold(FormDrafts.Draft d) {
        draftsOfTicket.put(d.action(), d);
        draftTimes.put(d.action(), d.savedAt());
    }

    /**
     * How {@code action}'s form on the open ticket keeps its draft: opened with the one left last
     * time; kept 0.8 s after typing pauses (off the FX thread); dropped when saved or discarded.
     */
    public Drafting drafting(ActionDef action) {
        Ticket t = ticket.get();
        if (t == null) {
            return Drafting.NONE;
        }
        UUID id = t.id();
        String code = action.code();
        FormDrafts.Draft left = draftsOfTicket.get(code);
        return new Drafting() {
            private UiTasks.Running pending;

            @Override
            public Optional<Restored> restored() {
                return Optional.ofNullable(left).map(d -> new Restored(d.values(), d.note(), d.savedAt(), d.partial()));
            }

            @Override
            public void keep(Map<String, Object> values, String note) {
                FormDrafts.Draft draft = draftOf(code, values, note);
                if (pending != null) {
                    pending.cancel();
                }
                pending = tasks.after(Duration.ofMillis(800), () -> {
                    if (id.equals(id())) {
                        hold(draft);
                    }
                    tasks.run(
                            UiTasks.Lane.HOUSEKEEPING,
                            p -> {
                                drafts.keep(user.username(), id, draft);
                                return draft;
                            },
                            d -> {},
                            e -> LoggerFactory.getLogger(SelectedTicket.class).warn("Keeping a draft failed", e));
                });
            }

            @Override
            public void drop() {
                if (pending != null) {
                    pending.cancel();
                }
                if (id.equals(id())) {
                    draftsOfTicket.remove(code);
                    draftTimes.remove(code);
                }
                forget(id, code);
            }
        };
    }

    /** Deletes a draft's file, off the FX thread. */
    private void forget(UUID ticketId, String action) {
        tasks.run(
                UiTasks.Lane.HOUSEKEEPING,
                p -> {
                    drafts.drop(user.username(), ticketId, action);
                    return action;
                },
                d -> {},
                e -> LoggerFactory.getLogger(SelectedTicket.class).warn("Dropping a draft failed", e));
    }

    /** The form's values as it shows them; rows and files cannot be kept, and the draft says so. */
    private FormDrafts.Draft draftOf(String action, Map<String, Object> values, String note) {
        Map<String, String> shown = new LinkedHashMap<>();
        boolean partial = false;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> list && list.stream().allMatch(x -> x instanceof String)) {
                shown.put(
                        e.getKey(),
                        String.join(",", list.stream().map(String::valueOf).toList())); // choices
            } else if (v instanceof List<?> || v instanceof Map<?, ?>) {
                partial = true;
            } else if (v != null) {
                shown.put(e.getKey(), v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
            }
        }
        return new FormDrafts.Draft(action, shown, note, config.clock().instant(), partial);
    }

    /** The files attached to the ticket's forms, oldest first. */
    public List<TicketAttachments.Attached> attachments() {
        Ticket t = ticket.get();
        return t == null
                ? List.of()
                : TicketAttachments.of(catalog, t.itemCode(), events).stream()
                        // a name that is not a stored name was never stored here (an old or foreign form)
                        .filter(a -> AttachmentNames.valid(a.storedName()))
                        .toList();
    }
}
