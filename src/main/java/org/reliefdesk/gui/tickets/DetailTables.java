package org.reliefdesk.gui.tickets;

import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

import org.reliefdesk.gui.common.Columns;
import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.common.Rows;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.FormText;
import org.reliefdesk.logic.clock.StepState;
import org.reliefdesk.logic.clock.StepTiming;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.workflow.ItemPath;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;

/** The tables of a ticket's detail pane: its step clocks, its history, and its applicant's other tickets. */
final class DetailTables {

    private DetailTables() {}

    /** The ticket's steps with their limits, late and nearly due ones marked. */
    static TableView<StepTiming> timeline(
            WorkbenchViewModel vm, Texts texts, Catalog catalog, ObservableList<StepTiming> timings) {
        TableView<StepTiming> table = new TableView<>(timings);
        Rows.chosenOnEntry(table);
        table.setId("timelineTable");
        // "not dispatched yet" only for a ticket; nothing selected says nothing
        Label placeholder = new Label();
        placeholder
                .textProperty()
                .bind(Bindings.when(vm.selected().ticketProperty().isNull())
                        .then("")
                        .otherwise(texts.msg("detail.noTimeline")));
        table.setPlaceholder(placeholder);
        table.getColumns()
                .add(Columns.of(texts, "timeline.step", 110, s -> catalog.stepName(s.step(), texts.locale())));
        table.getColumns().add(Columns.of(texts, "timeline.entered", 120, s -> Formats.dateTime(s.entered())));
        table.getColumns()
                .add(Columns.of(
                        texts,
                        "timeline.due",
                        120,
                        s -> s.due() == null ? texts.msg("timeline.noLimit") : Formats.lastMoment(s.due())));
        table.getColumns().add(Columns.of(texts, "timeline.left", 120, s -> Formats.dateTime(s.left())));
        table.getColumns()
                .add(Columns.of(
                        texts,
                        "timeline.state",
                        90,
                        s -> texts.msg("stepState." + s.state().name())));
        table.getColumns().forEach(c -> c.setSortable(false)); // a timeline reads in time order
        table.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(StepTiming s, boolean empty) {
                super.updateItem(s, empty);
                boolean late =
                        !empty && s != null && (s.state() == StepState.OVERDUE || s.state() == StepState.DONE_LATE);
                boolean soon = !empty && s != null && s.state() == StepState.DUE_SOON;
                pseudoClassStateChanged(PseudoClass.getPseudoClass("step-overdue"), late);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("due-soon"), soon);
            }
        });
        return table;
    }

    /** The ticket's history: when, what, who, from which step to which, and what the form said. */
    static TableView<TicketEvent> history(WorkbenchViewModel vm, Texts texts, Catalog catalog) {
        TableView<TicketEvent> table = new TableView<>(vm.selected().events());
        Rows.chosenOnEntry(table);
        table.setId("eventTable");
        table.setPlaceholder(new Label(texts.msg("detail.noHistory")));
        // a late or back-dated entry says when the central store actually received it
        table.getColumns()
                .add(Columns.of(
                        texts,
                        "history.at",
                        120,
                        e -> e.lateEntry()
                                ? texts.msg(
                                        "history.lateEntry", Formats.dateTime(e.at()), Formats.dateTime(e.receivedAt()))
                                : Formats.dateTime(e.at())));
        table.getColumns()
                .add(Columns.of(texts, "history.action", 80, e -> catalog.actionName(e.action(), texts.locale())));
        table.getColumns().add(Columns.of(texts, "history.actor", 140, e -> vm.actorName(e.actor())));
        table.getColumns()
                .add(Columns.of(
                        texts,
                        "history.steps",
                        150,
                        e -> e.fromStep() == null
                                ? catalog.stepName(e.toStep(), texts.locale())
                                : catalog.stepName(e.fromStep(), texts.locale()) + " → "
                                        + catalog.stepName(e.toStep(), texts.locale())));
        TableColumn<TicketEvent, String> details = Columns.of(
                texts,
                "history.details",
                320,
                e -> FormText.summarize(
                        catalog,
                        vm.selected().ticketProperty().get() == null
                                ? ""
                                : ItemPath.at(
                                        vm.selected().ticketProperty().get().itemCode(),
                                        vm.selected().events(),
                                        e),
                        e,
                        texts));
        // The complaint and the township's findings are read in full: the cell wraps and grows.
        details.setCellFactory(c -> new WrappingCell());
        table.getColumns().add(details);
        return table;
    }

    /** A history cell that wraps its text to the column's width and grows to show all of it. */
    private static final class WrappingCell extends TableCell<TicketEvent, String> {
        private final Text text = new Text();

        WrappingCell() {
            text.wrappingWidthProperty().bind(widthProperty().subtract(10));
            text.fillProperty().bind(textFillProperty()); // white on a selected row, as other cells
            setGraphic(text);
            setPrefHeight(Control.USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
        }
    }

    /** The applicant's other tickets; Enter or a double-click opens one (as {@code open} shows it). */
    static TableView<Ticket> sameApplicant(WorkbenchViewModel vm, Texts texts, Catalog catalog, Consumer<Ticket> open) {
        TableView<Ticket> table = new TableView<>(vm.applicant().others());
        Rows.chosenOnEntry(table);
        table.setId("sameApplicantTable");
        table.getColumns().add(Columns.of(texts, "column.ticketNo", 165, Ticket::ticketNo));
        table.getColumns().addAll(TicketTable.whereItStands(texts, catalog));
        Rows.opening(table, open);
        // as tall as its rows (up to five) with its header and a scroll bar: the history below keeps its room
        table.setFixedCellSize(26);
        table.prefHeightProperty()
                .bind(Bindings.min(5, Bindings.size(table.getItems()))
                        .multiply(26)
                        .add(56));
        table.minHeightProperty().bind(table.prefHeightProperty());
        return table;
    }
}
