package org.reliefdesk.gui.tickets;

import java.util.Arrays;
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
import javafx.scene.text.Font;
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

    /** What a wrapping cell leaves around its text: its text wraps at the column's width less this. */
    private static final double TEXT_INSET = 10;

    private DetailTables() {}

    /**
     * The ticket's steps with their limits, late and nearly due ones marked. Three columns that fit
     * the detail pane (about 300 px in a 1024-px window), each cell two lines: the step; when it
     * started and when it was done; its limit and where it stands.
     */
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
        TableColumn<StepTiming, String> step = wrappingAtSpaces(
                Columns.of(texts, "timeline.step", 70, s -> catalog.stepName(s.step(), texts.locale())));
        // A day is never split ("2026-12-" over "04"): the time columns are at least a day wide. Chinese
        // step names break between characters, four to a line at least (身份确认, 现场核查); English ones
        // at their spaces, a long word ("verification") broken only where the pane leaves no room.
        Font font = Font.getDefault();
        double day = roomFor(Columns.textWidth("2026-12-30", font));
        boolean chinese = texts.locale().getLanguage().equals("zh");
        step.setMinWidth(roomFor(
                chinese
                        ? Columns.textWidth("现场核查", font)
                        : Math.min(
                                Columns.textWidth("acceptance", font),
                                catalog.steps().stream()
                                        .flatMap(l -> Arrays.stream(catalog.stepName(l.code(), texts.locale())
                                                .split(" ")))
                                        .mapToDouble(w -> Columns.textWidth(w, font))
                                        .max()
                                        .orElse(50))));
        table.getColumns().add(step);
        TableColumn<StepTiming, String> times = wrappingAtSpaces(Columns.of(
                texts,
                "timeline.enteredLeft",
                120,
                s -> Formats.dateTime(s.entered()) + "\n" + Formats.dateTime(s.left())));
        TableColumn<StepTiming, String> limit = wrappingAtSpaces(Columns.of(
                texts,
                "timeline.dueState",
                120,
                s -> (s.due() == null ? texts.msg("timeline.noLimit") : Formats.lastMoment(s.due())) + "\n"
                        + texts.msg("stepState." + s.state().name())));
        times.setMinWidth(day);
        limit.setMinWidth(day);
        table.getColumns().add(times);
        table.getColumns().add(limit);
        table.getColumns().forEach(c -> c.setSortable(false)); // a timeline reads in time order
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
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

    /**
     * The ticket's history, one entry per row as wide as the pane: when, what and who on the first
     * line, then from which step to which and what the form said, wrapped. The complaint and the
     * township's findings are read in full without scrolling sideways, at any width of the pane.
     */
    static TableView<TicketEvent> history(WorkbenchViewModel vm, Texts texts, Catalog catalog) {
        TableView<TicketEvent> table = new TableView<>(vm.selected().events());
        Rows.chosenOnEntry(table);
        table.setId("eventTable");
        table.getStyleClass().add("history-table");
        table.setPlaceholder(new Label(texts.msg("detail.noHistory")));
        TableColumn<TicketEvent, String> entry = Columns.of(texts, "history.entry", 200, e -> {
            // a late or back-dated entry says when the central store actually received it
            String when = e.lateEntry()
                    ? texts.msg("history.lateEntry", Formats.dateTime(e.at()), Formats.dateTime(e.receivedAt()))
                    : Formats.dateTime(e.at());
            String steps = e.fromStep() == null
                    ? catalog.stepName(e.toStep(), texts.locale())
                    : catalog.stepName(e.fromStep(), texts.locale()) + " → "
                            + catalog.stepName(e.toStep(), texts.locale());
            String details = FormText.summarize(
                    catalog,
                    vm.selected().ticketProperty().get() == null
                            ? ""
                            : ItemPath.at(
                                    vm.selected().ticketProperty().get().itemCode(),
                                    vm.selected().events(),
                                    e),
                    e,
                    texts);
            return texts.msg(
                            "history.entryHead",
                            when,
                            catalog.actionName(e.action(), texts.locale()),
                            vm.actorName(e.actor()))
                    + "\n" + steps + (details.isBlank() ? "" : "\n" + details);
        });
        entry.setSortable(false); // a history reads in time order
        table.getColumns().add(wrapping(entry));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /** The column with its cells wrapping their text to its width, growing to show all of it. */
    private static <S> TableColumn<S, String> wrapping(TableColumn<S, String> column) {
        column.setCellFactory(c -> new WrappingCell<>(false));
        return column;
    }

    /** As {@link #wrapping}, lines broken at their spaces first: a date over its hour, never "24:" over "00". */
    private static <S> TableColumn<S, String> wrappingAtSpaces(TableColumn<S, String> column) {
        column.setCellFactory(c -> new WrappingCell<>(true));
        return column;
    }

    /** The column width whose cells hold a line {@code textWidth} wide unbroken (the inset, two grid lines). */
    private static double roomFor(double textWidth) {
        return textWidth + TEXT_INSET + 2;
    }

    /** A cell that wraps its text to the column's width and grows to show all of it. */
    private static final class WrappingCell<S> extends TableCell<S, String> {
        private final Text text = new Text();
        private final boolean atSpaces;

        /**
         * @param atSpaces whether a line too wide breaks at its spaces before anywhere else: the line
         *     breaker also breaks after ":" and "-", so "2026-08-17 24:00" would become "2026-08-17 24:"
         *     over "00"
         */
        WrappingCell(boolean atSpaces) {
            this.atSpaces = atSpaces;
            text.wrappingWidthProperty().bind(widthProperty().subtract(TEXT_INSET));
            text.fillProperty().bind(textFillProperty()); // white on a selected row, as other cells
            setGraphic(text);
            setPrefHeight(Control.USE_COMPUTED_SIZE);
            if (atSpaces) {
                text.wrappingWidthProperty().addListener((o, a, w) -> show());
            }
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            show();
        }

        private void show() {
            String item = isEmpty() || getItem() == null ? "" : getItem();
            text.setText(atSpaces ? atSpaces(item, text.getWrappingWidth(), text.getFont()) : item);
        }
    }

    /**
     * {@code item} with each line wider than {@code width} wrapped at its spaces (greedily, as many
     * words to a line as fit); a single word wider still is left to the text's own wrapping.
     */
    static String atSpaces(String item, double width, Font font) {
        if (width <= 0) {
            return item;
        }
        StringBuilder out = new StringBuilder(item.length());
        boolean first = true;
        for (String line : item.split("\n", -1)) {
            if (!first) {
                out.append('\n'); // an empty first line stays a line: a step's missing start keeps its place
            }
            first = false;
            String current = "";
            for (String word : line.split(" ", -1)) {
                String longer = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && Columns.textWidth(longer, font) > width) {
                    out.append(current).append('\n');
                    current = word;
                } else {
                    current = longer;
                }
            }
            out.append(current);
        }
        return out.toString();
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
