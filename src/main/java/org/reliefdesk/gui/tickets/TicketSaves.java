package org.reliefdesk.gui.tickets;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.User;
import org.reliefdesk.store.AttachmentStore;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.StaleTicketException;
import org.reliefdesk.store.TicketActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the workbench writes: an action on a ticket, a ticket opened here; each said in the status line. */
final class TicketSaves {

    private static final Logger LOG = LoggerFactory.getLogger(TicketSaves.class);

    private final LocalStore store;
    private final Catalog catalog;
    private final AppConfig config;
    private final UiTasks tasks;
    private final TicketActions actions;
    private final AttachmentStore attachments;
    private final TicketOpening opening;
    private final User user;
    private final ScopeFeed feed;
    /** Told when the store took a save: its form's draft goes. */
    private final SelectedTicket selected;

    private final Consumer<String> say;
    private final Consumer<String> warn;
    /** What the status line says now: a number is confirmed only over the words that called it provisional. */
    private final Supplier<String> shown;

    /** A ticket opened here under a provisional number, and the words that said so; until the central store numbers it. */
    private Provisional waiting;

    private record Provisional(UUID id, String number, String said) {}

    TicketSaves(
            Workspace workspace,
            User user,
            ScopeFeed feed,
            SelectedTicket selected,
            Consumer<String> say,
            Consumer<String> warn,
            Supplier<String> shown) {
        this.selected = selected;
        this.store = workspace.store;
        this.catalog = workspace.catalog;
        this.config = workspace.config;
        this.tasks = workspace.tasks;
        this.actions = workspace.actions();
        this.attachments = workspace.attachments();
        this.opening = workspace.opening();
        this.user = user;
        this.feed = feed;
        this.say = say;
        this.warn = warn;
        this.shown = shown;
        feed.snapshotProperty().addListener((o, a, now) -> numbered(now));
    }

    /**
     * Saves an action on the open ticket off the FX thread: attachments are copied in, then the
     * change and its event are written together; only that ticket is read again, and the form's
     * draft is dropped. A refusal or a change by someone else is said in the status line, nothing
     * is written, and the draft stays: the form opens with what was typed.
     */
    void act(Ticket ticket, ActionDef action, Map<String, Object> values, String note) {
        Texts texts = config.texts();
        tasks.run(
                UiTasks.Lane.STORE,
                p -> {
                    Map<String, Object> stored = attachments.storeAll(
                            catalog.form(action.form()).map(f -> f.fields()).orElse(List.of()), values);
                    return actions.act(ticket.id(), ticket.version(), user, action.code(), stored, note);
                },
                saved -> {
                    selected.draftSaved(ticket.id(), action.code());
                    // a ticket moved to another department's item leaves the list: say where it went
                    say.accept(
                            saved.itemCode().equals(ticket.itemCode())
                                    ? texts.msg(
                                            "action.saved",
                                            catalog.actionName(action.code(), texts.locale()),
                                            ticket.ticketNo())
                                    : texts.msg(
                                            "action.savedElsewhere",
                                            ticket.ticketNo(),
                                            catalog.itemName(saved.itemCode(), texts.locale()),
                                            catalog.departmentName(
                                                    catalog.item(saved.itemCode())
                                                            .orElseThrow()
                                                            .departmentCode(),
                                                    texts.locale())));
                    feed.refresh(Set.of(ticket.id()));
                },
                e -> {
                    if (e instanceof InvalidFieldException refused) {
                        warn.accept(texts.describe(refused, f -> catalog.fieldLabel(action.form(), f, texts.locale())));
                    } else if (e instanceof StaleTicketException) {
                        warn.accept(texts.msg("action.stale", ticket.ticketNo()));
                        feed.refresh(Set.of(ticket.id()));
                    } else {
                        warn.accept(texts.msg(
                                "action.failed",
                                FailureWords.of(
                                        texts,
                                        LOG,
                                        "Saving " + action.code() + " on " + ticket.ticketNo() + " failed",
                                        e)));
                    }
                });
    }

    /** Stores a ticket a staff member opened (off the FX thread), then shows it selected. */
    void open(TicketOpening.Request request) {
        Texts texts = config.texts();
        tasks.run(
                UiTasks.Lane.STORE,
                p -> store.tickets().insertOpened(opening.open(request, user), new TicketLineCodec(catalog)),
                opened -> {
                    boolean alone = config.central().mode() == AppConfig.Central.Mode.OFF;
                    String said =
                            texts.msg(alone ? "newTicket.saved" : "newTicket.savedProvisional", opened.ticketNo());
                    say.accept(said);
                    waiting = alone ? null : new Provisional(opened.id(), opened.ticketNo(), said);
                    feed.selectWhenLoaded(opened.id());
                    feed.refresh(Set.of(opened.id()));
                },
                e -> {
                    warn.accept(
                            e instanceof InvalidFieldException refused
                                    ? texts.describe(refused)
                                    : texts.msg(
                                            "action.failed",
                                            FailureWords.of(texts, LOG, "Opening a ticket failed", e)));
                });
    }

    /**
     * The central store took a ticket opened here: its number, final now (the same, or the next of
     * the county when another PC used it first), replaces the words that called it provisional.
     * Said only while those words are still shown; a ticket not in the scope read yet waits.
     */
    private void numbered(ScopeSnapshot now) {
        Provisional p = waiting;
        if (p == null || now.provisional().contains(p.id())) {
            return;
        }
        Optional<Ticket> ticket =
                now.tickets().stream().filter(t -> t.id().equals(p.id())).findFirst();
        if (ticket.isEmpty()) {
            return;
        }
        waiting = null;
        if (p.said().equals(shown.get())) {
            String no = ticket.get().ticketNo();
            Texts texts = config.texts();
            say.accept(
                    no.equals(p.number())
                            ? texts.msg("newTicket.numberConfirmed", no)
                            : texts.msg("newTicket.numberChanged", no, p.number()));
        }
    }
}
