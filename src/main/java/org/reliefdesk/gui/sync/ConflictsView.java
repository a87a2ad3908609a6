package org.reliefdesk.gui.sync;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.store.Outbox;
import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.gui.forms.FormText;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.layout.ColumnConstraints;
import org.reliefdesk.model.Ticket;

/**
 * Changes the central store did not take: in conflict (someone else acted first) or refused (a
 * rule said no). Both versions side by side — the user's change and the central store's ticket —
 * and the two ways out: do it again on the new state, or let it go (it stays in the record).
 */
public final class ConflictsView {

    private final VBox root = new VBox(8);

    /**
     * The loaded tickets the listed operations are about, found once per change of the list
     * (a cell is drawn many times; the county may hold 100,000 tickets).
     */
    private final Map<UUID, Ticket> tickets = new HashMap<>();

    public ConflictsView(SyncViewModel sync, WorkbenchViewModel vm, Texts texts, Catalog catalog) {
        sync.unsettled().addListener((ListChangeListener<Outbox.Entry>) c -> findTickets(sync, vm));
        vm.list().all().addListener((ListChangeListener<Ticket>) c -> findTickets(sync, vm));
        findTickets(sync, vm);
        ListView<Outbox.Entry> list = new ListView<>(sync.unsettled());
        list.setId("conflictList");
        list.setPrefHeight(180);
        list.setPlaceholder(new Label(texts.msg("conflicts.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Outbox.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : texts.msg("conflicts.row", ticketNo(e),
                        texts.msg("conflicts.state." + e.state().name()), what(e.operation(), catalog, texts),
                        Formats.dateTime(e.createdAt())));
            }
        });
        TextArea mine = area("mineText");
        TextArea central = area("centralText");
        Label reason = new Label();
        reason.setId("conflictReason");
        reason.setWrapText(true);
        reason.setStyle("-fx-text-fill: #b00020;");
        GridPane sides = new GridPane();
        sides.setHgap(12);
        sides.setVgap(4);
        sides.add(new Label(texts.msg("conflicts.mine")), 0, 0);
        sides.add(new Label(texts.msg("conflicts.central")), 1, 0);
        sides.add(mine, 0, 1);
        sides.add(central, 1, 1);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        sides.getColumnConstraints().addAll(half, half);
        GridPane.setVgrow(mine, Priority.ALWAYS);
        GridPane.setVgrow(central, Priority.ALWAYS);

        Button reapply = new Button(texts.msg("conflicts.reapply"));
        reapply.setId("reapplyButton");
        Button discard = new Button(texts.msg("conflicts.discard"));
        discard.setId("discardButton");
        Label message = new Label();
        message.setId("conflictMessage");
        message.textProperty().bind(sync.messageProperty());
        var none = list.getSelectionModel().selectedItemProperty().isNull();
        discard.disableProperty().bind(none);
        // Only an action on a ticket the central store holds can be done again; a refused new ticket cannot.
        reapply.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            Outbox.Entry e = list.getSelectionModel().getSelectedItem();
            return e == null || e.operation().kind() != Operation.Kind.ACT || e.centralTicket() == null;
        }, list.getSelectionModel().selectedItemProperty()));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e == null) {
                mine.clear();
                central.clear();
                reason.setText("");
                return;
            }
            reason.setText(texts.msg("conflicts.reason", e.reason() == null ? "" : e.reason()));
            mine.setText(mineText(e, vm, catalog, texts));
            central.setText(centralText(sync.centralVersion(e), catalog, texts));
        });
        reapply.setOnAction(ev -> sync.reapply(list.getSelectionModel().getSelectedItem()));
        discard.setOnAction(ev -> {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, texts.msg("conflicts.discardConfirm"),
                    new ButtonType(texts.msg("conflicts.discardYes"), ButtonBar.ButtonData.OK_DONE),
                    new ButtonType(texts.msg("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
            ask.setHeaderText(null);
            ask.initOwner(root.getScene().getWindow());
            ask.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                    .ifPresent(b -> sync.discard(list.getSelectionModel().getSelectedItem()));
        });
        Label intro = new Label(texts.msg("conflicts.intro"));
        intro.setWrapText(true);
        HBox buttons = new HBox(10, reapply, discard, message);
        VBox detail = new VBox(8, reason, sides, buttons);
        VBox.setVgrow(sides, Priority.ALWAYS);
        SplitPane split = new SplitPane(list, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.25);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(intro, split);
        root.setPadding(new Insets(10));
    }

    private static TextArea area(String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.setPrefRowCount(10);
        return a;
    }

    private void findTickets(SyncViewModel sync, WorkbenchViewModel vm) {
        Set<UUID> ids = new HashSet<>();
        sync.unsettled().forEach(e -> ids.add(e.ticketId()));
        tickets.clear();
        for (Ticket t : vm.list().all()) {
            if (ids.contains(t.id())) {
                tickets.put(t.id(), t);
            }
        }
    }

    private String ticketNo(Outbox.Entry e) {
        Ticket t = tickets.get(e.ticketId());
        return t != null ? t.ticketNo() : e.ticketId().toString().substring(0, 8);
    }

    private static String what(Operation op, Catalog catalog, Texts texts) {
        return op.kind() == Operation.Kind.OPEN ? texts.msg("conflicts.opened")
                : catalog.actionName(op.action(), texts.locale());
    }

    private String mineText(Outbox.Entry e, WorkbenchViewModel vm, Catalog catalog, Texts texts) {
        Operation op = e.operation();
        if (op.kind() == Operation.Kind.OPEN) {
            return texts.msg("conflicts.mineOpened", Formats.dateTime(e.createdAt()));
        }
        Ticket ticket = tickets.get(e.ticketId());
        String item = ticket == null ? null : ticket.itemCode();
        TicketEvent asEvent = new TicketEvent(op.eventId(), op.ticketId(), op.baseSeq() + 1, e.createdBy(), op.at(),
                op.action(), null, null, op.note(), op.form(), null);
        return texts.msg("conflicts.mineAction", catalog.actionName(op.action(), texts.locale()), Formats.dateTime(op.at()),
                vm.actorName(e.createdBy()), item == null ? "" : FormText.summarize(catalog, item, asEvent, texts));
    }

    private static String centralText(TicketHistory central, Catalog catalog, Texts texts) {
        if (central == null) {
            return texts.msg("conflicts.centralNone");
        }
        StringBuilder b = new StringBuilder(texts.msg("conflicts.centralNow", central.ticket().ticketNo(),
                catalog.stepName(central.ticket().currentStep(), texts.locale()))).append('\n');
        List<TicketEvent> events = central.events();
        for (TicketEvent ev : events.subList(Math.max(0, events.size() - 4), events.size())) {
            b.append('\n').append(texts.msg("conflicts.centralEvent", Formats.dateTime(ev.at()),
                    catalog.actionName(ev.action(), texts.locale()), ev.actor(),
                    FormText.summarize(catalog, central.ticket().itemCode(), ev, texts)));
        }
        return b.toString();
    }

    public Parent root() {
        return root;
    }
}
