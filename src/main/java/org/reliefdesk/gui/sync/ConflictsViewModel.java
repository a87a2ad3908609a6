package org.reliefdesk.gui.sync;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.FormText;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.workflow.ItemPath;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.store.Outbox;

/**
 * Changes the central store did not take, as the conflicts page lists them: for each, a line for
 * the list, the reason, the user's change and the central store's ticket in words, and whether it
 * can be done again. Rebuilt when the outbox's unsettled list or the tickets change.
 */
public final class ConflictsViewModel {

    /**
     * One change the central store did not take, or the user's change held for another store
     * ({@code held}), in the user's words.
     */
    public record ConflictRow(
            UUID opId, String title, String reason, String mine, String central, boolean canReapply, boolean held) {}

    private final SyncViewModel sync;
    private final WorkbenchViewModel vm;
    private final Texts texts;
    private final Catalog catalog;
    private final ObservableList<ConflictRow> rows = FXCollections.observableArrayList();
    private final Map<UUID, Outbox.Entry> entries = new HashMap<>();

    public ConflictsViewModel(SyncViewModel sync, WorkbenchViewModel vm) {
        this.sync = sync;
        this.vm = vm;
        this.texts = vm.config().texts();
        this.catalog = vm.catalog();
        sync.unsettled().addListener((ListChangeListener<Outbox.Entry>) c -> rebuild());
        vm.snapshotProperty().addListener((o, a, s) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        Set<UUID> ids = new HashSet<>();
        sync.unsettled().forEach(e -> ids.add(e.ticketId()));
        Map<UUID, Ticket> tickets = new HashMap<>();
        for (Ticket t : vm.snapshotProperty().get().tickets()) {
            if (ids.contains(t.id())) {
                tickets.put(t.id(), t);
            }
        }
        entries.clear();
        rows.setAll(sync.unsettled().stream()
                .map(e -> {
                    entries.put(e.opId(), e);
                    Ticket t = tickets.get(e.ticketId());
                    String no =
                            t != null ? t.ticketNo() : e.ticketId().toString().substring(0, 8);
                    // the list holds the user's waiting work only when it is held for another store
                    boolean held = e.state() == Outbox.State.PENDING;
                    return new ConflictRow(
                            e.opId(),
                            texts.msg(
                                    "conflicts.row",
                                    no,
                                    texts.msg(
                                            held
                                                    ? "conflicts.state.HELD"
                                                    : "conflicts.state."
                                                            + e.state().name()),
                                    what(e.operation()),
                                    Formats.dateTime(e.createdAt())),
                            held
                                    ? texts.msg("conflicts.heldReason")
                                    : texts.msg("conflicts.reason", e.reason() == null ? "" : e.reason()),
                            held && e.operation().kind() == Operation.Kind.OPEN
                                    ? texts.msg("conflicts.mineOpenedHeld", Formats.dateTime(e.createdAt()))
                                    : mineText(e, t),
                            held
                                    ? texts.msg("conflicts.heldCentral")
                                    : centralText(sync.conflicts().centralVersion(e)),
                            e.operation().kind() == Operation.Kind.ACT && e.centralTicket() != null,
                            held);
                })
                .toList());
    }

    /** Does the same action again on the central store's version of the ticket. */
    public void reapply(ConflictRow row) {
        Outbox.Entry e = entries.get(row.opId());
        if (e != null) {
            sync.conflicts().reapply(e);
        }
    }

    /**
     * Keeps the central store's version; the change stays in the outbox, marked discarded. Work held
     * for another store is given up with the rest of the user's held work on its ticket.
     */
    public void discard(ConflictRow row) {
        Outbox.Entry e = entries.get(row.opId());
        if (e != null && row.held()) {
            sync.conflicts().discardHeld(e);
        } else if (e != null) {
            sync.conflicts().discard(e);
        }
    }

    /** What the person is asked before {@link #discard}: held work goes with the rest held on its ticket. */
    public String discardQuestion(ConflictRow row) {
        if (!row.held()) {
            return texts.msg("conflicts.discardConfirm");
        }
        UUID ticket = entries.get(row.opId()).ticketId();
        long onTicket = entries.values().stream()
                .filter(e -> e.state() == Outbox.State.PENDING && e.ticketId().equals(ticket))
                .count();
        return texts.msg("conflicts.discardHeldConfirm", onTicket);
    }

    /** The heading over the right-hand side: the central store's version, or for held work what giving it up does. */
    public String centralHeading(ConflictRow row) {
        return texts.msg(row != null && row.held() ? "conflicts.heldCentralHeading" : "conflicts.central");
    }

    private String what(Operation op) {
        return op.kind() == Operation.Kind.OPEN
                ? texts.msg("conflicts.opened")
                : catalog.actionName(op.action(), texts.locale());
    }

    private String mineText(Outbox.Entry e, Ticket ticket) {
        Operation op = e.operation();
        if (op.kind() == Operation.Kind.OPEN) {
            return texts.msg("conflicts.mineOpened", Formats.dateTime(e.createdAt()));
        }
        String item = ticket == null ? null : ticket.itemCode();
        TicketEvent asEvent = op.asEvent(e.createdBy());
        return texts.msg(
                "conflicts.mineAction",
                catalog.actionName(op.action(), texts.locale()),
                Formats.dateTime(op.at()),
                vm.actorName(e.createdBy()),
                item == null ? "" : FormText.summarize(catalog, item, asEvent, texts));
    }

    private String centralText(TicketHistory central) {
        if (central == null) {
            return texts.msg("conflicts.centralNone");
        }
        StringBuilder b = new StringBuilder(texts.msg(
                        "conflicts.centralNow",
                        central.ticket().ticketNo(),
                        catalog.stepName(central.ticket().currentStep(), texts.locale())))
                .append('\n');
        List<TicketEvent> events = central.events();
        for (TicketEvent ev : events.subList(Math.max(0, events.size() - 4), events.size())) {
            b.append('\n')
                    .append(texts.msg(
                            "conflicts.centralEvent",
                            Formats.dateTime(ev.at()),
                            catalog.actionName(ev.action(), texts.locale()),
                            vm.actorName(ev.actor()),
                            FormText.summarize(
                                    catalog, ItemPath.at(central.ticket().itemCode(), events, ev), ev, texts)));
        }
        return b.toString();
    }

    public ObservableList<ConflictRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return sync.conflicts().messageProperty();
    }

    public Texts texts() {
        return texts;
    }
}
