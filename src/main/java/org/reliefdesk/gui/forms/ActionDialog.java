package org.reliefdesk.gui.forms;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.reliefdesk.gui.common.Focus;
import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.workflow.FormValidator;
import org.reliefdesk.model.Ticket;

/**
 * The form of one action on one ticket. Save (Ctrl+S) stays disabled until the form is
 * valid; closing with something typed asks first; actions that end in a rejection or
 * "not included" ask for confirmation before they are saved.
 */
public final class ActionDialog {

    /** What the user filled in. */
    public record Filled(Map<String, Object> values, String note) {}

    private ActionDialog() {}

    /** The dialog without drafts (see the other). */
    public static Dialog<Filled> build(
            Window owner,
            Ticket ticket,
            ActionDef action,
            Catalog catalog,
            Texts texts,
            Map<String, Object> facts,
            LocalDate today,
            AppConfig files,
            Map<String, String> prefill) {
        return build(owner, ticket, action, catalog, texts, facts, today, files, prefill, Drafting.NONE);
    }

    /**
     * The dialog, not yet shown: the workbench waits on it ({@code showAndWait}), tests show it and
     * type. A draft left last time replaces the prefilled values, and says so above the form.
     */
    public static Dialog<Filled> build(
            Window owner,
            Ticket ticket,
            ActionDef action,
            Catalog catalog,
            Texts texts,
            Map<String, Object> facts,
            LocalDate today,
            AppConfig files,
            Map<String, String> prefill,
            Drafting drafting) {
        FormDef form = catalog.formFor(ticket.itemCode(), action);
        FormEditor editor = new FormEditor(
                        form,
                        catalog,
                        texts,
                        new FormEditor.Checker(form, FormValidator.forChosenFiles(catalog), facts, today))
                .withFiles(files);
        Optional<Drafting.Restored> draft = drafting.restored();
        if (draft.isPresent()) {
            editor.restore(draft.get().values());
        } else {
            editor.prefill(prefill);
        }
        TextArea note = Focus.tabLeaves(new TextArea());
        note.setId("actionNote");
        note.setPrefRowCount(2);
        note.setPromptText(texts.msg("action.notePrompt"));
        Label restored = new Label();
        restored.setId("draftRestored");
        restored.getStyleClass().add("calendar-warning"); // the app's notice style: it must be seen
        restored.setWrapText(true);
        restored.managedProperty().bind(restored.visibleProperty());
        restored.setVisible(draft.isPresent());
        draft.ifPresent(d -> {
            note.setText(d.note());
            editor.dirtyProperty().set(true); // closing it asks before the draft is thrown away
            restored.setText(
                    texts.msg(d.partial() ? "draft.restoredPartly" : "draft.restored", Formats.dateTime(d.savedAt())));
        });
        note.textProperty().addListener((o, a, b) -> editor.dirtyProperty().set(true));
        // kept as it changes: a crash or a power cut loses nothing typed
        editor.onChange(() -> {
            if (editor.dirtyProperty().get()) {
                drafting.keep(editor.values(), note.getText());
            }
        });
        note.textProperty().addListener((o, a, b) -> drafting.keep(editor.values(), b));
        Label problem = new Label();
        problem.setId("formProblem");
        problem.getStyleClass().add("field-error");
        problem.textProperty()
                .bind(Bindings.when(editor.dirtyProperty())
                        .then(editor.problemsProperty())
                        .otherwise(""));
        VBox content = new VBox(
                10,
                restored,
                new Label(texts.msg(
                        "action.forTicket",
                        ticket.ticketNo(),
                        ticket.applicant().name(),
                        catalog.itemName(ticket.itemCode(), texts.locale()))),
                editor.root(),
                new Label(texts.msg("action.note")),
                note,
                problem);
        content.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(560, 120 + 48.0 * form.fields().size()));
        scroll.setPrefViewportWidth(760);

        Dialog<Filled> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(texts.msg("action.title", catalog.actionVerb(action.code(), texts.locale())));
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane()
                .getStylesheets()
                .add(ActionDialog.class
                        .getResource("/org/reliefdesk/gui/workbench.css")
                        .toExternalForm());
        ButtonType save = new ButtonType(texts.msg("action.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.msg("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(save, cancel);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("saveButton");
        dialog.getDialogPane().lookupButton(cancel).setId("cancelButton");
        saveButton.disableProperty().bind(editor.validProperty().not());
        ActionDialogs.saveOnCtrlS(dialog.getDialogPane(), saveButton);
        // Saving a terminal refusal asks once more; cancelling typed input asks before discarding.
        ((Button) saveButton).addEventFilter(ActionEvent.ACTION, e -> {
            Map<String, Object> context = new HashMap<>(facts);
            context.putAll(editor.values());
            String outcome =
                    action.target(context).map(ActionDef.Target::outcome).orElse(null);
            if (("rejected".equals(outcome) || "not_included".equals(outcome))
                    && !ActionDialogs.confirm(
                            owner,
                            texts,
                            texts.msg("action.confirmTerminal", catalog.outcomeName(outcome, texts.locale())))) {
                e.consume();
            }
        });
        // Asked once per closing: Cancel and the window's close both lead here.
        AtomicBoolean discardConfirmed = new AtomicBoolean();
        ((Button) dialog.getDialogPane().lookupButton(cancel)).addEventFilter(ActionEvent.ACTION, e -> {
            if (editor.dirtyProperty().get()) {
                if (ActionDialogs.confirm(owner, texts, texts.msg("action.confirmDiscard"))) {
                    discardConfirmed.set(true);
                } else {
                    e.consume();
                }
            }
        });
        dialog.setOnCloseRequest(e -> {
            if (dialog.getResult() == null && editor.dirtyProperty().get() && !discardConfirmed.get()) {
                if (ActionDialogs.confirm(owner, texts, texts.msg("action.confirmDiscard"))) {
                    discardConfirmed.set(true);
                } else {
                    e.consume();
                }
            }
        });
        dialog.setResultConverter(
                button -> button == save ? new Filled(new LinkedHashMap<>(editor.values()), note.getText()) : null);
        // sent to be saved: kept until the store takes it (a refused save opens with it again);
        // its input discarded (or nothing typed): no draft is left behind
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                drafting.sent(editor.values(), note.getText());
            } else if (discardConfirmed.get() || !editor.dirtyProperty().get()) {
                drafting.drop();
            }
        });
        ActionDialogs.enterNeverSavesFromAChoice(dialog.getDialogPane());
        dialog.setOnShown(e -> editor.focusFirst());
        return dialog;
    }
}
