package org.reliefdesk.gui.reports;

import java.util.List;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Pagination;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.reliefdesk.gui.common.Columns;
import org.reliefdesk.gui.common.DateFields;
import org.reliefdesk.gui.common.Panes;
import org.reliefdesk.gui.common.Rows;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.report.OverduePdf;
import org.reliefdesk.report.PdfPages;

/**
 * The reports page: choose scope, date and report; make it (progress, cancel); look through its
 * pages here; print them or save PDF or Excel.
 */
public final class ReportsView {

    private final ReportsViewModel vm;
    private final Texts texts;
    private final BorderPane root = new BorderPane();

    public ReportsView(ReportsViewModel vm) {
        this.vm = vm;
        this.texts = vm.texts();
        ComboBox<ReportsViewModel.ScopeChoice> scope = new ComboBox<>();
        scope.setId("reportScope");
        scope.setPrefWidth(220);
        scope.valueProperty().bindBidirectional(vm.scopeProperty());
        scope.setItems(vm.scopes());
        vm.loadScopes();

        DatePicker date = DateFields.enterGoesOn(DateFields.lenient(new DatePicker()));
        date.setId("reportDate");
        date.valueProperty().bindBidirectional(vm.asOfProperty());
        vm.asOfTextProperty().bind(date.getEditor().textProperty());
        Label dateError = new Label();
        dateError.setId("reportDateError");
        dateError.getStyleClass().add("field-error");
        dateError.textProperty().bind(vm.dateErrorProperty());
        // on a line of its own under the controls, there only while it has something to say: beside
        // the date, a long one pushed the report kind and Make onto the next lines as it came and went
        dateError.setWrapText(true);
        dateError.visibleProperty().bind(vm.dateErrorProperty().isNotEmpty());
        dateError.managedProperty().bind(dateError.visibleProperty());

        ComboBox<OverduePdf.Kind> kind = new ComboBox<>();
        kind.setId("reportKind");
        kind.getItems().setAll(OverduePdf.Kind.values());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setCellFactory(v -> kindCell());
        kind.setButtonCell(kindCell());

        Button make = new Button(texts.msg("reports.make"));
        make.setId("makeReportButton");
        make.setDefaultButton(true);
        make.disableProperty()
                .bind(vm.busyProperty()
                        .or(vm.dateErrorProperty().isNotEmpty())
                        .or(vm.scopeProperty().isNull()));
        make.setOnAction(e -> vm.make());
        Button cancel = new Button(texts.msg("reports.cancel"));
        cancel.setId("cancelReportButton");
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(160);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        // in the message's row, and there only while a report is being made: in the controls' row it
        // took a line of its own when they filled the width (1024 px), a blank band under them
        progress.managedProperty().bind(progress.visibleProperty());

        Button print = new Button(texts.msg("reports.print"));
        print.setId("printReportButton");
        Button savePdf = new Button(texts.msg("reports.savePdf"));
        savePdf.setId("savePdfButton");
        Button saveExcel = new Button(texts.msg("reports.saveExcel"));
        saveExcel.setId("saveExcelButton");
        for (Button b : List.of(print, savePdf, saveExcel)) {
            b.disableProperty().bind(vm.busyProperty().or(vm.reportProperty().isNull()));
        }
        savePdf.setOnAction(e -> vm.save(root.getScene().getWindow(), false));
        saveExcel.setOnAction(e -> vm.save(root.getScene().getWindow(), true));
        print.setOnAction(e -> print());

        FlowPane controls = new FlowPane(
                8,
                8,
                label("reports.scope"),
                scope,
                label("reports.asOf"),
                date,
                label("reports.kind"),
                kind,
                make,
                cancel);
        controls.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label message = new Label();
        message.setId("reportMessage");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        HBox output = new HBox(8, progress, message, spacer, print, savePdf, saveExcel);
        if (vm.issuesNotices()) {
            Button letterhead = new Button(texts.msg("reports.letterhead.button"));
            letterhead.setId("letterheadButton");
            letterhead.setOnAction(e -> editLetterhead());
            Button register = new Button(texts.msg("reports.register.button"));
            register.setId("noticeRegisterButton");
            register.setOnAction(e -> showRegister());
            output.getChildren().addAll(letterhead, register);
        }
        Panes.buttonsKeepWords(output);
        output.setAlignment(Pos.CENTER_LEFT);
        Label syncing = new Label(texts.msg("reports.syncing"));
        syncing.setId("reportsSyncing");
        syncing.getStyleClass().add("calendar-warning");
        syncing.setWrapText(true);
        syncing.managedProperty().bind(syncing.visibleProperty());
        syncing.visibleProperty().bind(vm.workbench().incompleteProperty());
        VBox top = new VBox(8, syncing, controls, dateError, output);
        top.setPadding(new Insets(10));

        // A new report gets new pages: re-pointing the shown Pagination while it is on page 2 or
        // later left a blank page (its skin was still moving away from the old page).
        vm.pagesProperty().addListener((o, a, p) -> root.setCenter(pagesOf(p)));
        root.setTop(top);
        root.setCenter(pagesOf(vm.pagesProperty().get()));
    }

    /** 发文设置: read the letterhead off the FX thread, edit it in a dialog, save it off the FX thread. */
    private void editLetterhead() {
        vm.notices()
                .readLetterhead((stored, defaults) -> LetterheadDialog.show(
                                root.getScene().getWindow(), texts, stored, defaults)
                        .ifPresent(vm.notices()::saveLetterhead));
    }

    /** 通知登记簿: every notice issued from this PC, newest first. */
    private void showRegister() {
        vm.notices().readRegister(rows -> {
            TableView<NoticeDesk.RegisterRow> table = new TableView<>(FXCollections.observableArrayList(rows));
            Rows.chosenOnEntry(table);
            Columns.shareWidth(table);
            table.setId("noticeRegisterTable");
            table.setPlaceholder(new Label(texts.msg("reports.register.empty")));
            table.getColumns().add(Columns.of(texts, "reports.register.number", 150, NoticeDesk.RegisterRow::number));
            table.getColumns()
                    .add(Columns.of(texts, "reports.register.recipient", 130, NoticeDesk.RegisterRow::recipient));
            table.getColumns().add(Columns.of(texts, "reports.register.scope", 90, NoticeDesk.RegisterRow::scope));
            table.getColumns()
                    .add(Columns.of(
                            texts, "reports.register.asOf", 90, r -> r.asOf().toString()));
            table.getColumns()
                    .add(Columns.of(texts, "reports.register.issuedAt", 120, NoticeDesk.RegisterRow::issuedAt));
            table.getColumns().add(Columns.of(texts, "reports.register.tickets", 60, NoticeDesk.RegisterRow::tickets));
            table.setPrefSize(680, 420);
            Dialog<Void> dialog = new Dialog<>();
            dialog.initOwner(root.getScene().getWindow());
            dialog.setTitle(texts.msg("reports.register.title"));
            dialog.getDialogPane().setContent(table);
            dialog.getDialogPane()
                    .getButtonTypes()
                    .setAll(new ButtonType(texts.msg("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
            dialog.setResizable(true);
            dialog.showAndWait();
        });
    }

    private Label label(String key) {
        Label l = new Label(texts.msg(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private ListCell<OverduePdf.Kind> kindCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(OverduePdf.Kind k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : texts.msg("reports.kind." + k.name()));
            }
        };
    }

    private Pagination pagesOf(PdfPages p) {
        return PagePreview.of(p, "reportPages", vm.workbench().tasks(), texts, () -> {
            Label hint = new Label(texts.msg("reports.hint"));
            hint.setId("reportHint");
            return hint;
        });
    }

    private void print() {
        vm.print(root.getScene().getWindow());
    }

    public Parent root() {
        return root;
    }
}
