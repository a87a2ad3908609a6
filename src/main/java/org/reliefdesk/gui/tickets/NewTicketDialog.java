package org.reliefdesk.gui.tickets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.reliefdesk.gui.common.Cells;
import org.reliefdesk.gui.common.Focus;
import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.common.Panes;
import org.reliefdesk.gui.forms.ActionDialogs;
import org.reliefdesk.gui.forms.FormEditor;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.users.Capabilities;
import org.reliefdesk.logic.workflow.FormValidator;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.ServiceItem;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.User;

/**
 * A staff member opens a ticket for a resident: the item, where the resident lives, who
 * raised it, the applicant, and the item's application form. Every change is checked with
 * the rules saving uses; each problem shows beside its field and Save waits until none is left.
 */
public final class NewTicketDialog {

    /** The width of every field above the application form, and of a problem's words under one. */
    private static final double FIELD_WIDTH = 260;

    private NewTicketDialog() {}

    static Optional<TicketOpening.Request> show(
            Window owner,
            User user,
            Catalog catalog,
            Texts texts,
            TicketOpening opening,
            PlaceChoices places,
            LocalDate today,
            AppConfig files,
            ApplicantTickets applicant,
            Consumer<Ticket> showExisting) {
        List<Place> townships = places.townships();
        Place county = places.county();
        Capabilities can = Capabilities.of(user);
        ComboBox<ServiceItem> item = new ComboBox<>();
        item.setId("newItem");
        item.getItems().setAll(can.byDepartment() ? catalog.itemsOf(user.departmentCode()) : catalog.items());
        item.setCellFactory(v -> Cells.of(i -> catalog.itemName(i.code(), texts.locale())));
        item.setButtonCell(Cells.of(i -> catalog.itemName(i.code(), texts.locale())));
        ComboBox<Place> township = new ComboBox<>();
        township.setId("newTownship");
        township.getItems()
                .setAll(
                        can.byTownship()
                                ? townships.stream()
                                        .filter(t -> t.code().equals(user.townshipCode()))
                                        .toList()
                                : townships);
        township.setCellFactory(v -> Cells.of(Place::name));
        township.setButtonCell(Cells.of(Place::name));
        ComboBox<Place> village = new ComboBox<>();
        village.setId("newVillage");
        village.setCellFactory(v -> Cells.of(Place::name));
        village.setButtonCell(Cells.of(Place::name));
        township.valueProperty().addListener((o, a, t) -> {
            village.getItems().clear();
            if (t != null) {
                places.villages(t.code(), found -> {
                    if (t.equals(township.getValue())) {
                        village.getItems().setAll(found);
                    }
                });
            }
        });
        if (township.getItems().size() == 1) {
            township.getSelectionModel().select(0);
        }
        for (ComboBox<?> box : List.of(item, township, village)) {
            box.setPrefWidth(FIELD_WIDTH);
            box.setPromptText(texts.msg("form.choose"));
        }
        ToggleGroup channel = new ToggleGroup();
        RadioButton proxy = new RadioButton(texts.msg("channel.RAISED_BY_PROXY"));
        RadioButton found = new RadioButton(texts.msg("channel.GOVERNMENT_FOUND"));
        proxy.setToggleGroup(channel);
        found.setToggleGroup(channel);
        found.setSelected(true);
        TextField raisedBy = field("newRaisedBy", texts.msg("newTicket.raisedByPrompt"));
        TextField name = field("newName", "");
        TextField idNumber = field("newIdNumber", texts.msg("form.idNumberPrompt"));
        TextField phone = field("newPhone", "");

        Map<String, Label> errors = new HashMap<>();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        Object[][] rows = {
            {"field.item", item, "item"},
            {"field.townshipName", township, "townshipCode"},
            {"field.villageName", village, "villageCode"},
            {"field.channel", Panes.row(12, proxy, found), "channel"},
            {"field.raisedBy", raisedBy, "raisedBy"},
            {"field.applicant.name", name, "applicant.name"},
            {"field.applicant.idNumber", idNumber, "applicant.idNumber"},
            {"field.applicant.phone", phone, "applicant.phone"}
        };
        Map<String, String> shownLabels = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            String field = ((String) rows[i][0]).substring("field.".length());
            shownLabels.put((String) rows[i][2], texts.fieldName(field));
            // a label starts a line: "Township name", as the application form's labels do
            Label label = new Label(texts.fieldHeading(field) + " *");
            label.setMinWidth(Region.USE_PREF_SIZE); // never cut to "township n…" on a 1024 screen
            // under its field, as in the application form below: beside it, a message took the
            // fields' width on a 1024 screen ("Governm…") and was cut itself
            Label error = FormEditor.problemUnderAField("error-" + rows[i][2]);
            error.setPrefWidth(FIELD_WIDTH); // wraps within the fields' width, never widens their column
            errors.put((String) rows[i][2], error);
            grid.add(label, 0, 2 * i);
            grid.add((Node) rows[i][1], 1, 2 * i);
            grid.add(error, 1, 2 * i + 1);
        }
        VBox formHolder = new VBox();
        FormEditor[] form = new FormEditor[1];
        Label problem = new Label();
        problem.setId("formProblem");
        problem.getStyleClass().add("field-error");
        // one person, one open request per item: the open one is offered before a second is made
        Label already = new Label();
        already.setId("sameOpenWarning");
        already.setWrapText(true);
        already.getStyleClass().add("calendar-warning");
        Button showIt = new Button(texts.msg("newTicket.showExisting"));
        showIt.setId("showExisting");
        HBox alreadyBox = Panes.row(8, already, showIt);
        alreadyBox.setAlignment(Pos.CENTER_LEFT);
        alreadyBox.managedProperty().bind(alreadyBox.visibleProperty());
        alreadyBox.setVisible(false);
        Ticket[] existing = new Ticket[1];
        Runnable lookForOpen = () -> {
            existing[0] = applicant
                    .openFor(
                            idNumber.getText(),
                            item.getValue() == null ? null : item.getValue().code())
                    .orElse(null);
            alreadyBox.setVisible(existing[0] != null);
            if (existing[0] != null) {
                already.setText(texts.msg(
                        "newTicket.openAlready",
                        existing[0].ticketNo(),
                        Formats.dateTime(existing[0].submittedAt()),
                        catalog.stepName(existing[0].currentStep(), texts.locale())));
            }
        };
        item.valueProperty().addListener(o -> lookForOpen.run());
        idNumber.textProperty().addListener(o -> lookForOpen.run());
        VBox content =
                new VBox(10, grid, alreadyBox, new Label(texts.msg("newTicket.application")), formHolder, problem);
        content.setPadding(new Insets(10));
        content.setId("newTicketForm");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);
        scroll.setPrefViewportWidth(820);

        Dialog<TicketOpening.Request> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(texts.msg("newTicket.title"));
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane()
                .getStylesheets()
                .add(NewTicketDialog.class
                        .getResource("/org/reliefdesk/gui/workbench.css")
                        .toExternalForm());
        ButtonType save = new ButtonType(texts.msg("action.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.msg("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(save, cancel);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("saveButton");
        dialog.getDialogPane().lookupButton(cancel).setId("cancelButton");
        saveButton.setDisable(true);
        // the button says Ctrl+S: it must do what it says, as in every action form
        ActionDialogs.saveOnCtrlS(dialog.getDialogPane(), saveButton);
        ActionDialogs.enterNeverSavesFromAChoice(dialog.getDialogPane());

        Supplier<TicketOpening.Request> request = () -> new TicketOpening.Request(
                item.getValue() == null ? null : item.getValue().code(),
                county,
                township.getValue(),
                village.getValue(),
                name.getText(),
                idNumber.getText(),
                phone.getText(),
                found.isSelected() ? IntakeChannel.GOVERNMENT_FOUND : IntakeChannel.RAISED_BY_PROXY,
                raisedBy.getText(),
                form[0] == null ? Map.of() : form[0].values());
        boolean[] touched = {false};
        Runnable check = () -> {
            errors.values().forEach(l -> l.setText(""));
            List<InvalidFieldException> problems = opening.problems(request.get(), user);
            saveButton.setDisable(!problems.isEmpty());
            if (!touched[0]) {
                return;
            }
            // every problem at once, each field by the label the form shows (乡镇名称, not a code)
            List<String> said = new ArrayList<>();
            for (InvalidFieldException e : problems) {
                Label beside = errors.get(e.field());
                if (beside != null) {
                    beside.setText(texts.ruleText(e));
                }
                said.add(texts.describe(
                        e,
                        f -> Optional.ofNullable(shownLabels.get(f))
                                .or(() -> item.getValue() == null
                                        ? Optional.empty()
                                        : catalog.fieldLabel(
                                                catalog.applicationFormOf(
                                                                item.getValue().code())
                                                        .code(),
                                                f,
                                                texts.locale()))));
            }
            problem.setText(String.join("\n", said));
        };
        item.valueProperty().addListener((o, a, i) -> {
            formHolder.getChildren().clear();
            if (i != null) {
                FormDef def = catalog.applicationFormOf(i.code());
                form[0] = new FormEditor(
                                def,
                                catalog,
                                texts,
                                new FormEditor.Checker(def, FormValidator.forChosenFiles(catalog), Map.of(), today))
                        .withFiles(files);
                form[0].onChange(() -> {
                    touched[0] = true;
                    check.run();
                });
                formHolder.getChildren().add(form[0].root());
            }
            touched[0] = true;
            check.run();
        });
        for (Observable o : List.of(
                township.valueProperty(),
                village.valueProperty(),
                channel.selectedToggleProperty(),
                raisedBy.textProperty(),
                name.textProperty(),
                idNumber.textProperty(),
                phone.textProperty())) {
            o.addListener(x -> {
                touched[0] = true;
                check.run();
            });
        }
        boolean[] leavingForExisting = {false};
        showIt.setOnAction(e -> {
            leavingForExisting[0] = true;
            dialog.close();
        });
        dialog.setOnCloseRequest(e -> {
            if (dialog.getResult() == null
                    && !leavingForExisting[0]
                    && touched[0]
                    && !ActionDialogs.confirm(owner, texts, texts.msg("action.confirmDiscard"))) {
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == save ? request.get() : null);
        // the form opens in its first field; left to the dialog, the focus went to Cancel
        dialog.setOnShown(e -> Focus.later(item));
        Optional<TicketOpening.Request> result = dialog.showAndWait();
        if (leavingForExisting[0] && existing[0] != null) {
            showExisting.accept(existing[0]);
            return Optional.empty();
        }
        return result;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(FIELD_WIDTH);
        return f;
    }
}
