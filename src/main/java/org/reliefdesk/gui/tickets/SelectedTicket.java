package org.reliefdesk.gui.tickets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.reliefdesk.logic.FailureWords;
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
    /** The open ticket's unsaved forms: left by a crash, a power cut or a refused save. */
    private final TicketDrafts drafts;

    private final UiTasks tasks;
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
        this.drafts = new TicketDrafts(drafts, user, config, tasks);
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
        drafts.clear();
        clock.set(t == null ? null : snapshot.clocks().get(t.id()));
        if (t == null) {
            reading.cancel();
            return;
        }
        reading.run(
                UiTasks.Lane.STORE,
                p -> new Read(store.tickets().events(t.id()), drafts.read(t.id())),
                read -> {
                    events.setAll(read.history());
                    refreshChoices(t, read.history());
                    drafts.took(
                            t.id(),
                            read.drafts().values(),
                            code -> choices.stream()
                                    .anyMatch(c -> c.action().code().equals(code)));
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
            said.set(texts.msg(
                    "attachment.openFailed",
                    file.getFileName().toString(),
                    FailureWords.of(
                            texts, LoggerFactory.getLogger(SelectedTicket.class), "Opening " + file + " failed", e)));
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
        return drafts.times();
    }

    /**
     * How {@code action}'s form on the open ticket keeps its draft (see {@link TicketDrafts}):
     * opened with the one left last time, dropped once the store takes the save.
     */
    public Drafting drafting(ActionDef action) {
        Ticket t = ticket.get();
        return t == null ? Drafting.NONE : drafts.drafting(t.id(), action.code(), this::id);
    }

    /** The store took {@code action} on {@code ticketId}: its form's draft is no longer needed. */
    void draftSaved(UUID ticketId, String action) {
        drafts.gone(ticketId, action, id());
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
