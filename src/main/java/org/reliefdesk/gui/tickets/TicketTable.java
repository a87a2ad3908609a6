package org.reliefdesk.gui.tickets;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import org.reliefdesk.gui.common.ColumnPrefs;
import org.reliefdesk.gui.common.Columns;
import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.common.Rows;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.store.Outbox;

/** The ticket table: its columns, its rows coloured by the supervision ladder, and its selection tied to the view model's. */
final class TicketTable {

    private TicketTable() {}

    /** The split between the table and the open ticket, where this user left it last time. */
    static void rememberDivider(SplitPane split, WorkbenchViewModel vm) {
        ColumnPrefs.attachDivider(split, vm.config().dataDir(), vm.user().username(), "ticketsSplit");
    }

    /** The item, the step, the status and when it was submitted: what a ticket elsewhere in the pane shows. */
    static List<TableColumn<Ticket, ?>> whereItStands(Texts texts, Catalog catalog) {
        return List.of(
                Columns.of(texts, "column.item", 105, t -> catalog.itemName(t.itemCode(), texts.locale())),
                Columns.of(texts, "column.step", 80, t -> catalog.stepName(t.currentStep(), texts.locale())),
                Columns.of(
                        texts,
                        "column.status",
                        65,
                        t -> texts.msg("status." + t.status().name())),
                Columns.of(texts, "column.submitted", 120, t -> Formats.dateTime(t.submittedAt())));
    }

    static TableView<Ticket> of(WorkbenchViewModel vm, Texts texts, Catalog catalog, boolean syncing) {
        TableView<Ticket> table = new TableView<>();
        Rows.chosenOnEntry(table);
        table.setId("ticketTable");
        // An empty table while the scope is still being read says so, not "no tickets match".
        Label placeholder = new Label();
        placeholder.setId("ticketTablePlaceholder");
        placeholder
                .textProperty()
                .bind(Bindings.when(vm.loadingProperty())
                        .then(texts.msg("workbench.reading"))
                        .otherwise(texts.msg("workbench.empty")));
        table.setPlaceholder(placeholder);
        // a number given on this PC offline is provisional until the central store takes the ticket
        table.getColumns()
                .add(Columns.of(
                        texts,
                        "column.ticketNo",
                        165,
                        t -> vm.provisionalNumber(t) ? texts.msg("ticket.provisionalNo", t.ticketNo()) : t.ticketNo()));
        table.getColumns()
                .add(Columns.of(
                        texts,
                        "column.applicant",
                        165,
                        t -> texts.msg(
                                "ticket.applicant",
                                t.applicant().name(),
                                t.applicant().maskedIdNumber())));
        // What clerks sort by first, how late a ticket is, then where it stands: the time limit
        // shows whole in a 1024 px window in either language (the English step's header is wider
        // than 当前环节 and pushed it out); the rest follows (a user's own order and widths are
        // kept in ColumnPrefs).
        TableColumn<Ticket, String> ladder = Columns.of(
                texts,
                "column.ladder",
                90,
                t -> texts.msg("ladder." + vm.clock(t).shownState()));
        Map<String, Integer> order = ladderOrder(texts);
        ladder.setComparator(Comparator.comparingInt(s -> order.getOrDefault(s, order.size())));
        table.getColumns().add(ladder);
        table.getColumns()
                .add(Columns.of(texts, "column.step", 80, t -> catalog.stepName(t.currentStep(), texts.locale())));
        table.getColumns()
                .add(Columns.of(
                        texts,
                        "column.status",
                        65,
                        t -> texts.msg("status." + t.status().name())));
        TableColumn<Ticket, Long> days = Columns.of(texts, "column.daysOpen", 60, vm::daysOpen);
        days.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(days);
        table.getColumns()
                .add(Columns.of(texts, "column.item", 105, t -> catalog.itemName(t.itemCode(), texts.locale())));
        table.getColumns()
                .add(Columns.of(texts, "column.township", 80, t -> t.township().name()));
        table.getColumns().add(Columns.of(texts, "column.submitted", 120, t -> Formats.dateTime(t.submittedAt())));
        if (syncing) {
            // Blank when the central store has the ticket as shown; a word when it does not (yet).
            table.getColumns()
                    .add(Columns.of(
                            texts,
                            "column.sync",
                            58,
                            t -> vm.syncState(t) == Outbox.TicketSync.SYNCED
                                    ? ""
                                    : texts.msg("sync.state." + vm.syncState(t).name())));
        }
        table.setRowFactory(v -> new LadderRow(vm));
        table.setTableMenuButtonVisible(true); // the + at the header's right shows or hides columns
        // Ctrl or Shift with a click or the arrows chooses several rows to print or export at once;
        // the ticket open beside the table is the last one chosen
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        ColumnPrefs.attach(table, vm.config().dataDir(), vm.user().username(), "tickets");

        SortedList<Ticket> sorted = new SortedList<>(vm.list().visible());
        // A sorted column wins; otherwise the queue's own order (my tasks: soonest deadline first).
        sorted.comparatorProperty()
                .bind(Bindings.createObjectBinding(
                        () -> table.getSortOrder().isEmpty() ? vm.defaultOrder() : table.getComparator(),
                        table.comparatorProperty(),
                        table.getSortOrder(),
                        vm.list().queueProperty()));
        table.setItems(sorted);
        // The open ticket is the view model's (by id): a row replaced while a snapshot is shown does not close it.
        table.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (!vm.publishing() && (t != null || !vm.loadingProperty().get())) {
                vm.selected().ticketProperty().set(t);
            }
        });
        vm.selected().ticketProperty().addListener((o, a, t) -> {
            if (t != null && table.getSelectionModel().getSelectedItem() != t) {
                // opened from elsewhere (the dashboard, the same applicant): that row alone, not one more
                table.getSelectionModel().clearSelection();
                table.getSelectionModel().select(t);
                // and brought into view; the same ticket read again (an action saved on it) leaves
                // the list where the person had it, rather than jumping its row to the top
                if (a == null || !a.id().equals(t.id())) {
                    table.scrollTo(t);
                }
            }
        });
        return table;
    }

    /**
     * The time-limit column sorts by how late a ticket is, not by the words' order: on time, due
     * soon, step overdue, supervised, then the concluded (their follow-up visit pending, late, done).
     */
    private static Map<String, Integer> ladderOrder(Texts texts) {
        List<String> order = List.of(
                LadderState.ON_TIME.name(),
                LadderState.DUE_SOON.name(),
                LadderState.STEP_OVERDUE.name(),
                LadderState.SUPERVISED.name(),
                TicketClock.FOLLOW_UP_OVERDUE,
                TicketClock.FOLLOW_UP_PENDING,
                LadderState.CONCLUDED.name());
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(texts.msg("ladder." + order.get(i)), i);
        }
        return rank;
    }

    /** Marks a row by where its ticket stands on the supervision ladder (colours in workbench.css). */
    private static final class LadderRow extends TableRow<Ticket> {
        private static final PseudoClass DUE_SOON = PseudoClass.getPseudoClass("due-soon");
        private static final PseudoClass STEP_OVERDUE = PseudoClass.getPseudoClass("step-overdue");
        private static final PseudoClass SUPERVISED = PseudoClass.getPseudoClass("supervised");

        private final WorkbenchViewModel vm;

        LadderRow(WorkbenchViewModel vm) {
            this.vm = vm;
        }

        @Override
        protected void updateItem(Ticket t, boolean empty) {
            super.updateItem(t, empty);
            LadderState state = empty || t == null ? null : vm.clock(t).state();
            pseudoClassStateChanged(DUE_SOON, state == LadderState.DUE_SOON);
            pseudoClassStateChanged(STEP_OVERDUE, state == LadderState.STEP_OVERDUE);
            pseudoClassStateChanged(SUPERVISED, state == LadderState.SUPERVISED);
        }
    }
}
