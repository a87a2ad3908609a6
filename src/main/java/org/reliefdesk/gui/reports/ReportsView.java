package org.reliefdesk.gui.reports;

import java.util.List;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Group;
import javafx.scene.Node;
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
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperPrintManager;
import org.reliefdesk.gui.common.Columns;
import org.reliefdesk.gui.common.DateFields;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.report.OverduePdf;

/**
 * The reports page: choose scope, date and report; make it (progress, cancel); look through its
 * pages here; print them or save PDF or Excel.
 */
public final class ReportsView {

    private static final float PRINT_ZOOM = 2.5f;

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

        DatePicker date = DateFields.lenient(new DatePicker());
        date.setId("reportDate");
        date.valueProperty().bindBidirectional(vm.asOfProperty());
        Label dateError = new Label();
        dateError.setId("reportDateError");
        dateError.getStyleClass().add("field-error");
        dateError.textProperty().bind(vm.dateErrorProperty());

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
                dateError,
                label("reports.kind"),
                kind,
                make,
                cancel,
                progress);
        controls.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label message = new Label();
        message.setId("reportMessage");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        HBox output = new HBox(8, message, spacer, print, savePdf, saveExcel);
        if (vm.issuesNotices()) {
            Button letterhead = new Button(texts.msg("reports.letterhead.button"));
            letterhead.setId("letterheadButton");
            letterhead.setOnAction(e -> editLetterhead());
            Button register = new Button(texts.msg("reports.register.button"));
            register.setId("noticeRegisterButton");
            register.setOnAction(e -> showRegister());
            output.getChildren().addAll(letterhead, register);
        }
        output.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, controls, output);
        top.setPadding(new Insets(10));

        // A new report gets new pages: re-pointing the shown Pagination while it is on page 2 or
        // later left a blank page (its skin was still moving away from the old page).
        vm.printProperty().addListener((o, a, p) -> root.setCenter(pagesOf(p)));
        root.setTop(top);
        root.setCenter(pagesOf(vm.printProperty().get()));
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

    private Pagination pagesOf(JasperPrint p) {
        Pagination pages =
                new Pagination(p == null ? 1 : Math.max(1, p.getPages().size()), 0);
        pages.setId("reportPages");
        pages.setPageFactory(this::page);
        return pages;
    }

    /** One page of the made report as a picture, drawn off the FX thread when it is shown. */
    private Node page(int index) {
        JasperPrint p = vm.printProperty().get();
        if (p == null || p.getPages().isEmpty()) {
            Label hint = new Label(texts.msg("reports.hint"));
            hint.setId("reportHint");
            return new StackPane(hint);
        }
        StackPane paper = new StackPane(new ProgressIndicator());
        paper.setStyle("-fx-background-color: #8a8f94; -fx-padding: 12;");
        vm.drawPage(
                p,
                index,
                picture -> {
                    ImageView view = new ImageView(picture);
                    view.setId("reportPage");
                    view.setPreserveRatio(true);
                    paper.getChildren().setAll(view);
                },
                error -> paper.getChildren()
                        .setAll(new Label(texts.msg("reports.failed", String.valueOf(error.getMessage())))));
        ScrollPane scroll = new ScrollPane(paper);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** Page setup and printer choice, then every page, scaled to the printable area. */
    private void print() {
        JasperPrint p = vm.printProperty().get();
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            vm.messageProperty().set(texts.msg("reports.noPrinter"));
            return;
        }
        if (!job.showPageSetupDialog(root.getScene().getWindow())
                || !job.showPrintDialog(root.getScene().getWindow())) {
            job.cancelJob();
            return;
        }
        PageLayout layout = job.getJobSettings().getPageLayout();
        try {
            for (int i = 0; i < p.getPages().size(); i++) {
                ImageView view =
                        new ImageView(PagePictures.toFx(JasperPrintManager.printPageToImage(p, i, PRINT_ZOOM)));
                view.setPreserveRatio(true);
                // a notice's landscape attachment on portrait paper (or the reverse) is turned, not shrunk
                boolean landscapePage =
                        view.getImage().getWidth() > view.getImage().getHeight();
                boolean landscapePaper = layout.getPrintableWidth() > layout.getPrintableHeight();
                boolean turn = landscapePage != landscapePaper;
                view.setFitWidth(turn ? layout.getPrintableHeight() : layout.getPrintableWidth());
                view.setFitHeight(turn ? layout.getPrintableWidth() : layout.getPrintableHeight());
                if (turn) {
                    view.setRotate(90);
                }
                if (!job.printPage(new Group(view))) {
                    vm.messageProperty().set(texts.msg("reports.printFailed", job.getJobStatus()));
                    job.cancelJob();
                    return;
                }
            }
            job.endJob();
            vm.messageProperty()
                    .set(texts.msg(
                            "reports.printed",
                            p.getPages().size(),
                            job.getPrinter().getName()));
        } catch (JRException e) {
            job.cancelJob();
            vm.messageProperty().set(texts.msg("reports.failed", e.getMessage()));
        }
    }

    public Parent root() {
        return root;
    }
}
