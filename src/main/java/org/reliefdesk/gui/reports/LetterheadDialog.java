package org.reliefdesk.gui.reports;

import java.util.Optional;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.NoticeLetterhead;
import org.reliefdesk.model.InvalidFieldException;

/**
 * 发文设置: how this office's notices are headed and signed. Every field is typed; 保存 checks them
 * all (the days are a number typed by hand) and keeps the dialog open with the problem named beside
 * the fields; a blank field returns to its default, shown as the field's hint.
 */
public final class LetterheadDialog {

    private LetterheadDialog() {}

    static Optional<NoticeLetterhead> show(
            Window owner, Texts texts, NoticeLetterhead current, NoticeLetterhead defaults) {
        Dialog<NoticeLetterhead> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(texts.msg("reports.letterhead.title"));
        dialog.setHeaderText(texts.msg("reports.letterhead.header"));
        TextField issuer = field("letterheadIssuer", current.issuer(), defaults.issuer());
        TextField agency = field("letterheadAgency", current.agency(), defaults.agencyIn(texts));
        TextField days = field("letterheadReplyDays", String.valueOf(current.replyDays()), "3");
        TextField contact = field("letterheadContact", current.contact(), "");
        TextField phone = field("letterheadPhone", current.phone(), texts.msg("reports.letterhead.phoneHint"));
        TextField copyTo = field("letterheadCopyTo", current.copyTo(), defaults.copyTo());
        Label error = new Label();
        error.setId("letterheadError");
        error.getStyleClass().add("field-error");
        error.setStyle("-fx-text-fill: #b00020;"); // the dialog has not the workbench's style sheet
        error.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        int row = 0;
        for (Object[] f : new Object[][] {
            {"letterhead.issuer", issuer},
            {"letterhead.agency", agency},
            {"letterhead.replyDays", days},
            {"letterhead.contact", contact},
            {"letterhead.phone", phone},
            {"letterhead.copyTo", copyTo}
        }) {
            Label label = new Label(texts.fieldName((String) f[0]));
            label.setLabelFor((TextField) f[1]);
            grid.addRow(row++, label, (TextField) f[1]);
            GridPane.setHgrow((TextField) f[1], Priority.ALWAYS);
        }
        grid.add(error, 0, row, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(520);
        ButtonType save = new ButtonType(texts.msg("reports.letterhead.save"), ButtonType.OK.getButtonData());
        ButtonType cancel = new ButtonType(texts.msg("dialog.cancel"), ButtonType.CANCEL.getButtonData());
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        NoticeLetterhead[] checked = new NoticeLetterhead[1];
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("letterheadSave");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                checked[0] = new NoticeLetterhead(
                                issuer.getText(),
                                agency.getText(),
                                days(days.getText()),
                                contact.getText(),
                                phone.getText(),
                                copyTo.getText())
                        .checked();
                error.setText("");
            } catch (InvalidFieldException refused) {
                error.setText(texts.describe(refused));
                e.consume(); // the dialog stays open with what was typed
            }
        });
        dialog.setResultConverter(b -> b == save ? checked[0] : null);
        // the first field takes the keyboard once the dialog's window has it (not the buttons)
        dialog.setOnShown(e -> {
            Window window = dialog.getDialogPane().getScene().getWindow();
            window.focusedProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (now) {
                        issuer.requestFocus();
                        window.focusedProperty().removeListener(this);
                    }
                }
            });
            issuer.requestFocus();
        });
        return dialog.showAndWait();
    }

    private static int days(String typed) {
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("letterhead.replyDays", "rule.form.integer");
        }
    }

    private static TextField field(String id, String value, String hint) {
        TextField f = new TextField(value == null ? "" : value);
        f.setId(id);
        f.setPromptText(hint);
        return f;
    }
}
