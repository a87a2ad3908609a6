package org.reliefdesk.gui.reports;

import java.util.List;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.reliefdesk.gui.common.Focus;
import org.reliefdesk.gui.common.Panes;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.Ticket;

/**
 * The 工单办理单 preview: the sheets of the tickets chosen, page by page, to print (Ctrl+P) or save
 * as PDF (Ctrl+S); Esc closes it. A window of its own, so the ticket stays open beside it.
 */
public final class TicketSheetWindow {

    private final Stage stage = new Stage();
    private final TicketSheetViewModel model;
    private final BorderPane root = new BorderPane();

    private TicketSheetWindow(Window owner, TicketSheetViewModel model) {
        this.model = model;
        Texts texts = model.texts();
        stage.initOwner(owner);
        stage.setTitle(model.title());
        Label message = new Label();
        message.setId("sheetMessage");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.busyProperty());
        Button print = new Button(texts.msg("reports.print"));
        print.setId("sheetPrint");
        Button save = new Button(texts.msg("sheet.savePdf"));
        save.setId("sheetSave");
        Button close = new Button(texts.msg("sheet.close"));
        close.setId("sheetClose");
        close.setCancelButton(true);
        for (Button b : List.of(print, save)) {
            b.disableProperty().bind(model.pagesProperty().isNull().or(model.busyProperty()));
        }
        print.setOnAction(e -> print());
        save.setOnAction(e -> model.save(stage));
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        HBox bar = Panes.row(8, busy, message, spacer, print, save, close);
        bar.getStyleClass().add("sheet-bar");
        bar.setStyle("-fx-padding: 8; -fx-alignment: center-left;");
        root.setId("sheetWindow");
        root.setTop(bar);
        showPages();
        model.pagesProperty().addListener((o, a, p) -> showPages());
        Focus.shortcut(root, new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!print.isDisabled()) {
                print();
            }
        });
        Focus.shortcut(root, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!save.isDisabled()) {
                model.save(stage);
            }
        });
        // an A4 page at the preview's size, and the bar; smaller screens get what fits
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(root, Math.min(860, screen.getWidth() - 40), Math.min(760, screen.getHeight() - 60)));
        stage.setMinWidth(520);
        stage.setMinHeight(400);
        close.requestFocus();
    }

    /** Opens the preview over {@code owner} and starts making the sheets of {@code tickets}. */
    public static TicketSheetWindow open(Window owner, WorkbenchViewModel vm, List<Ticket> tickets) {
        TicketSheetViewModel model = new TicketSheetViewModel(vm, tickets);
        TicketSheetWindow window = new TicketSheetWindow(owner, model);
        if (owner != null) {
            window.root.getStylesheets().addAll(owner.getScene().getStylesheets());
            window.root.getStylesheets().addAll(owner.getScene().getRoot().getStylesheets());
        }
        window.stage.show();
        model.make();
        return window;
    }

    private void showPages() {
        root.setCenter(PagePreview.of(
                model.pagesProperty().get(),
                "sheetPages",
                model.tasks(),
                model.texts(),
                () -> new ProgressIndicator()));
    }

    private void print() {
        model.print(stage);
    }
}
