package org.reliefdesk.gui.sync;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.reliefdesk.gui.common.Panes;
import org.reliefdesk.gui.common.Rows;
import org.reliefdesk.gui.forms.ActionDialogs;
import org.reliefdesk.logic.i18n.Texts;

/**
 * Changes the central store did not take: in conflict (someone else acted first) or refused (a
 * rule said no). Both versions side by side — the user's change and the central store's ticket —
 * and the two ways out: do it again on the new state, or let it go (it stays in the record). The
 * user's work held for another store is listed too, with the one way out besides syncing there.
 */
public final class ConflictsView {

    private final VBox root = new VBox(8);

    public ConflictsView(ConflictsViewModel vm) {
        Texts texts = vm.texts();
        ListView<ConflictsViewModel.ConflictRow> list = new ListView<>(vm.rows());
        Rows.chosenOnEntry(list);
        list.setId("conflictList");
        list.setPrefHeight(180);
        list.setPlaceholder(new Label(texts.msg("conflicts.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConflictsViewModel.ConflictRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.title());
            }
        });
        TextArea mine = area("mineText");
        TextArea central = area("centralText");
        Label reason = new Label();
        reason.setId("conflictReason");
        reason.setWrapText(true);
        reason.setStyle("-fx-text-fill: #b00020;");
        GridPane sides = new GridPane();
        sides.setHgap(12);
        sides.setVgap(4);
        sides.add(new Label(texts.msg("conflicts.mine")), 0, 0);
        Label centralHeading = new Label(vm.centralHeading(null));
        centralHeading.setId("centralHeading");
        sides.add(centralHeading, 1, 0);
        sides.add(mine, 0, 1);
        sides.add(central, 1, 1);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        sides.getColumnConstraints().addAll(half, half);
        GridPane.setVgrow(mine, Priority.ALWAYS);
        GridPane.setVgrow(central, Priority.ALWAYS);

        Button reapply = new Button(texts.msg("conflicts.reapply"));
        reapply.setId("reapplyButton");
        Button discard = new Button(texts.msg("conflicts.discard"));
        discard.setId("discardButton");
        Label message = new Label();
        message.setId("conflictMessage");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        var none = list.getSelectionModel().selectedItemProperty().isNull();
        discard.disableProperty().bind(none);
        // Only an action on a ticket the central store holds can be done again; a refused new ticket cannot.
        reapply.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            ConflictsViewModel.ConflictRow row =
                                    list.getSelectionModel().getSelectedItem();
                            return row == null || !row.canReapply();
                        },
                        list.getSelectionModel().selectedItemProperty()));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            centralHeading.setText(vm.centralHeading(e));
            if (e == null) {
                mine.clear();
                central.clear();
                reason.setText("");
                return;
            }
            reason.setText(e.reason());
            mine.setText(e.mine());
            central.setText(e.central());
        });
        reapply.setOnAction(ev -> vm.reapply(list.getSelectionModel().getSelectedItem()));
        discard.setOnAction(ev -> {
            // giving up a change cannot be taken back: the house question, where Enter answers No
            ConflictsViewModel.ConflictRow row = list.getSelectionModel().getSelectedItem();
            if (ActionDialogs.confirm(root.getScene().getWindow(), texts, vm.discardQuestion(row))) {
                vm.discard(row);
            }
        });
        Label intro = new Label(texts.msg("conflicts.intro"));
        intro.setWrapText(true);
        HBox buttons = Panes.row(10, reapply, discard, message);
        VBox detail = new VBox(8, reason, sides, buttons);
        VBox.setVgrow(sides, Priority.ALWAYS);
        SplitPane split = new SplitPane(list, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.25);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(intro, split);
        root.setPadding(new Insets(10));
    }

    private static TextArea area(String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.setPrefRowCount(10);
        return a;
    }

    public Parent root() {
        return root;
    }
}
