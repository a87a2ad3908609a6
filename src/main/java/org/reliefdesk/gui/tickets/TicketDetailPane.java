package org.reliefdesk.gui.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.common.Panes;
import org.reliefdesk.gui.common.Thumbnails;
import org.reliefdesk.gui.forms.ActionDialog;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.StepTiming;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.workflow.TicketAttachments;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;

/** Right-hand pane: the selected ticket's fields and its event history. */
public final class TicketDetailPane {

    private final WorkbenchViewModel vm;
    private final Texts texts;
    private final Catalog catalog;
    private final GridPane fields = new GridPane();
    private final VBox content;
    private final ScrollPane root;
    private final Label ladder = new Label();
    private final FlowPane actionBar = new FlowPane(6, 6);
    private final Label refusals = new Label();
    private final Label warning = new Label();
    private final Button printButton;
    private final FlowPane attachmentPane = new FlowPane(6, 6);
    private final ObservableList<StepTiming> timings = FXCollections.observableArrayList();
    private final Runnable afterSave;

    /**
     * @param afterSave where the keyboard goes once an action is saved: the button that opened it
     *     leaves with the step, and the focus would otherwise fall to the window's first control
     */
    TicketDetailPane(
            WorkbenchViewModel vm,
            Texts texts,
            Catalog catalog,
            Consumer<Ticket> open,
            Consumer<Ticket> printSheet,
            Runnable afterSave) {
        this.vm = vm;
        this.afterSave = afterSave;
        this.texts = texts;
        this.catalog = catalog;
        this.printButton = new Button(texts.msg("detail.printSheet"));
        printButton.setId("printSheet");
        printButton.setOnAction(
                e -> printSheet.accept(vm.selected().ticketProperty().get()));
        printButton.disableProperty().bind(vm.selected().ticketProperty().isNull());
        fields.setId("ticketFields");
        fields.setHgap(10);
        fields.setVgap(4);

        TableView<TicketEvent> events = DetailTables.history(vm, texts, catalog);
        ladder.getStyleClass().add("ladder-line");
        ladder.setId("ladderLine");
        warning.getStyleClass().add("calendar-warning");
        warning.setId("calendarWarning");
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.managedProperty().bind(warning.visibleProperty());
        warning.setVisible(false);
        TableView<StepTiming> timeline = DetailTables.timeline(vm, texts, catalog, timings);
        timeline.setMinHeight(130);
        timeline.setPrefHeight(280); // a few steps of two to four lines each
        ladder.setWrapText(true);
        ladder.setMinHeight(Region.USE_PREF_SIZE);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        actionBar.setId("actionBar");
        actionBar.getChildren().add(printButton); // for a ticket without actions for this user too
        actionBar.getStyleClass().add("action-bar");
        refusals.setId("actionRefusals");
        refusals.getStyleClass().add("action-refused");
        refusals.setWrapText(true);
        refusals.setMinHeight(Region.USE_PREF_SIZE);
        refusals.managedProperty().bind(refusals.textProperty().isNotEmpty());
        vm.selected().choices().addListener((ListChangeListener<SelectedTicket.ActionChoice>) c -> showActions());
        // a form left unsaved (a crash, a power cut) is marked on its button: it opens as it was left
        vm.selected().drafts().addListener((MapChangeListener<String, Instant>) c -> showActions());
        attachmentPane.setId("attachmentPane");
        Node attachments = Panes.titled(texts.msg("detail.attachments"), attachmentPane);
        attachments.managedProperty().bind(attachments.visibleProperty());
        attachments.visibleProperty().bind(Bindings.isNotEmpty(attachmentPane.getChildren()));
        Node history = Panes.titled(texts.msg("detail.history"), events);
        // one person, all requests: shown only when the applicant has others in this scope
        Label sameTitle = new Label();
        sameTitle
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> texts.msg(
                                "detail.sameApplicant", vm.applicant().others().size()),
                        vm.applicant().others()));
        Node same = Panes.titled(sameTitle, DetailTables.sameApplicant(vm, texts, catalog, open));
        same.setId("sameApplicant");
        same.managedProperty().bind(same.visibleProperty());
        same.visibleProperty().bind(Bindings.isNotEmpty(vm.applicant().others()));
        content = new VBox(
                6,
                actionBar,
                refusals,
                Panes.titled(texts.msg("detail.title"), fields),
                ladder,
                warning,
                attachments,
                Panes.titled(texts.msg("detail.timeline"), timeline),
                same,
                history);
        VBox.setVgrow(history, Priority.ALWAYS);
        // The history keeps room for a few entries; with a photo and a long ticket the whole pane
        // scrolls instead of pushing the history out of the window.
        events.setMinHeight(220);
        vm.selected().events().addListener((ListChangeListener<TicketEvent>) c -> showAttachments());
        vm.selected().clockProperty().addListener((o, a, c) -> showClock(c));
        content.setPadding(new Insets(8));
        root = new ScrollPane(content);
        root.setId("detailScroll");
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // the split pane, not the text, decides the width; at least the step timeline's three columns
        // (a step, two days: wider in English) with the scroll bars and padding around them
        root.setMinWidth(Math.max(
                300,
                timeline.getColumns().stream()
                                .mapToDouble(TableColumnBase::getMinWidth)
                                .sum()
                        + 50));
        vm.selected().ticketProperty().addListener((o, a, t) -> {
            show(t);
            if (a == null || t == null || !a.id().equals(t.id())) {
                root.setVvalue(0); // another ticket is read from its top; the same one, saved, stays where it was
            }
        });
        root.widthProperty()
                .addListener((o, a, w) -> show(vm.selected().ticketProperty().get()));
        show(null);
    }

    /** Thumbnails of every file attached to the ticket, captioned with the action that brought it. */
    private void showAttachments() {
        attachmentPane.getChildren().clear();
        for (TicketAttachments.Attached a : vm.selected().attachments()) {
            String action = catalog.actionName(a.action(), texts.locale());
            attachmentPane
                    .getChildren()
                    .add(Thumbnails.of(
                            vm.selected().attachmentUri(a.storedName()),
                            action,
                            texts.msg("attachment.tooltip", action, a.field().label(texts.locale()), a.seq()),
                            () -> vm.selected().openAttachment(a.storedName())));
        }
    }

    private void show(Ticket t) {
        fields.getChildren().clear();
        if (t == null) {
            fields.add(new Label(texts.msg("detail.none")), 0, 0);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(row(
                "column.ticketNo",
                vm.provisionalNumber(t) ? texts.msg("ticket.provisionalNo", t.ticketNo()) : t.ticketNo()));
        rows.add(row("column.item", catalog.itemName(t.itemCode(), texts.locale())));
        rows.add(row(
                "detail.department",
                catalog.item(t.itemCode())
                        .map(i -> catalog.departmentName(i.departmentCode(), texts.locale()))
                        .orElse("")));
        rows.add(row("column.status", texts.msg("status." + t.status().name())));
        rows.add(row("column.step", catalog.stepName(t.currentStep(), texts.locale())));
        rows.add(row("field.applicant.name", t.applicant().name()));
        rows.add(row("field.applicant.idNumber", t.applicant().maskedIdNumber()));
        rows.add(row("field.applicant.phone", t.applicant().phone()));
        rows.add(row(
                "detail.place",
                t.county().name() + " " + t.township().name() + " "
                        + t.village().name()));
        String channel = texts.msg("channel." + t.channel().name());
        rows.add(row(
                "detail.channel",
                t.raisedBy() == null ? channel : texts.msg("text.parenthesis", channel, t.raisedBy())));
        rows.add(row("column.submitted", Formats.dateTime(t.submittedAt())));
        rows.add(row("detail.dispatched", Formats.dateTime(t.dispatchedAt())));
        rows.add(row("detail.concluded", Formats.dateTime(t.concludedAt())));
        TicketClock clock = vm.clock(t);
        rows.add(row(
                "column.daysOpen",
                clock.pausedDays() > 0
                        ? texts.msg("detail.daysOpenPaused", clock.openDays(), clock.pausedDays())
                        : String.valueOf(clock.openDays())));
        rows.add(row("detail.outcome", t.outcome() == null ? "" : catalog.outcomeName(t.outcome(), texts.locale())));
        // a ticket number is never broken across lines: it is the widest value that has no space
        FieldGrid.layOut(
                fields,
                rows,
                root.getWidth(),
                new Text(t.ticketNo()).getLayoutBounds().getWidth());
    }

    /** One button per action of the ticket's step that this user's role may take; refused ones say why. */
    private void showActions() {
        actionBar.getChildren().clear();
        ActionRefusals why = new ActionRefusals();
        for (SelectedTicket.ActionChoice choice : vm.selected().choices()) {
            String name = catalog.actionVerb(choice.action().code(), texts.locale());
            Instant draft = vm.selected().drafts().get(choice.action().code());
            Button b = new Button(draft == null ? name : texts.msg("draft.button", name, Formats.dateTime(draft)));
            if (draft != null) {
                b.getStyleClass().add("has-draft");
            }
            b.setId("action-" + choice.action().code());
            if (choice.refusal() != null) {
                b.setDisable(true);
                why.add(name, choice.refusal());
            } else {
                b.setOnAction(e -> open(choice));
            }
            actionBar.getChildren().add(b);
        }
        // paper for the file, whatever this user may do with the ticket
        actionBar.getChildren().add(printButton);
        refusals.setText(why.text(texts));
    }

    void open(SelectedTicket.ActionChoice choice) {
        Ticket t = vm.selected().ticketProperty().get();
        ActionDialog.build(
                        root.getScene().getWindow(),
                        t,
                        choice.action(),
                        catalog,
                        texts,
                        vm.selected().facts(),
                        vm.today(),
                        vm.config(),
                        vm.selected().prefill(choice.action()),
                        vm.selected().drafting(choice.action()))
                .showAndWait()
                .ifPresent(filled -> {
                    vm.act(choice.action(), filled.values(), filled.note());
                    afterSave.run();
                });
    }

    private void showClock(TicketClock c) {
        timings.setAll(c == null ? List.of() : c.steps());
        if (c == null) {
            ladder.setText("");
            warning.setVisible(false);
            return;
        }
        String state = texts.msg("ladder." + c.shownState());
        ladder.setText(
                switch (c.state()) {
                    case CONCLUDED ->
                        c.current()
                                .filter(s -> s.due() != null)
                                .map(s -> texts.msg("detail.followUpDue", state, Formats.lastMoment(s.due())))
                                .orElse(state);
                    case SUPERVISED -> texts.msg("detail.ladderSince", state, Formats.dateTime(c.stateSince()));
                    default ->
                        texts.msg(
                                "detail.ladderLine",
                                state,
                                Formats.dateTime(c.stateSince()),
                                Formats.dateTime(c.supervisedFrom()));
                });
        ladder.getStyleClass().removeAll("state-overdue", "state-due-soon");
        if (c.state() == LadderState.SUPERVISED || c.state() == LadderState.STEP_OVERDUE || c.followUpOverdue()) {
            ladder.getStyleClass().add("state-overdue");
        } else if (c.state() == LadderState.DUE_SOON) {
            ladder.getStyleClass().add("state-due-soon");
        }
        warning.setText(texts.msg("detail.calendarWarning"));
        warning.setVisible(c.estimated());
    }

    private String[] row(String key, String value) {
        String label = key.startsWith("field.") ? texts.fieldName(key.substring("field.".length())) : texts.msg(key);
        // Field names are lower-case inside English sentences; as a label they start with a capital.
        label = label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
        return new String[] {label, value == null ? "" : value};
    }

    Parent root() {
        return root;
    }
}
