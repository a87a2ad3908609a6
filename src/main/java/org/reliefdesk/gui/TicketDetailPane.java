package org.reliefdesk.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;

/** Right-hand pane: the selected ticket's fields and its event history. */
final class TicketDetailPane {

    private final WorkbenchViewModel vm;
    private final Texts texts;
    private final Catalog catalog;
    private final GridPane fields = new GridPane();
    private final VBox root;

    TicketDetailPane(WorkbenchViewModel vm, Texts texts, Catalog catalog) {
        this.vm = vm;
        this.texts = texts;
        this.catalog = catalog;
        fields.setId("ticketFields");
        fields.setHgap(10);
        fields.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE); // labels never truncate; values wrap instead
        fields.getColumnConstraints().addAll(names, new ColumnConstraints());
        TableView<TicketEvent> events = eventTable();
        root = new VBox(8, WorkbenchView.titled(texts.msg("detail.title"), fields),
                WorkbenchView.titled(texts.msg("detail.history"), events));
        VBox.setVgrow(root.getChildren().get(1), Priority.ALWAYS);
        root.setPadding(new Insets(8));
        vm.selectedProperty().addListener((o, a, t) -> show(t));
        show(null);
    }

    private void show(Ticket t) {
        fields.getChildren().clear();
        if (t == null) {
            fields.add(new Label(texts.msg("detail.none")), 0, 0);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(row("column.ticketNo", t.ticketNo()));
        rows.add(row("column.item", catalog.itemName(t.itemCode(), texts.locale())));
        rows.add(row("detail.department", catalog.item(t.itemCode())
                .map(i -> catalog.departmentName(i.departmentCode(), texts.locale())).orElse("")));
        rows.add(row("column.status", texts.msg("status." + t.status().name())));
        rows.add(row("column.step", catalog.stepName(t.currentStep(), texts.locale())));
        rows.add(row("field.applicant.name", t.applicant().name()));
        rows.add(row("field.applicant.idNumber", t.applicant().maskedIdNumber()));
        rows.add(row("field.applicant.phone", t.applicant().phone()));
        rows.add(row("detail.place", t.county().name() + " " + t.township().name() + " " + t.village().name()));
        rows.add(row("detail.channel", texts.msg("channel." + t.channel().name())
                + (t.raisedBy() == null ? "" : "（" + t.raisedBy() + "）")));
        rows.add(row("column.submitted", Formats.dateTime(t.submittedAt())));
        rows.add(row("detail.dispatched", Formats.dateTime(t.dispatchedAt())));
        rows.add(row("detail.concluded", Formats.dateTime(t.concludedAt())));
        rows.add(row("column.daysOpen", String.valueOf(vm.daysOpen(t))));
        for (int i = 0; i < rows.size(); i++) {
            Label name = new Label(rows.get(i)[0]);
            name.setStyle("-fx-text-fill: #555;");
            Label value = new Label(rows.get(i)[1]);
            value.setWrapText(true);
            fields.add(name, 0, i);
            fields.add(value, 1, i);
        }
    }

    private String[] row(String key, String value) {
        String label = key.startsWith("field.") ? texts.fieldName(key.substring("field.".length())) : texts.msg(key);
        // Field names are lower-case inside English sentences; as a label they start with a capital.
        label = label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
        return new String[] {label, value == null ? "" : value};
    }

    private TableView<TicketEvent> eventTable() {
        TableView<TicketEvent> table = new TableView<>(vm.selectedEvents());
        table.setId("eventTable");
        table.setPlaceholder(new Label(texts.msg("detail.noHistory")));
        table.getColumns().add(column("history.at", 120, e -> Formats.dateTime(e.at())));
        table.getColumns().add(column("history.action", 80, e -> catalog.actionName(e.action(), texts.locale())));
        table.getColumns().add(column("history.actor", 140, e -> vm.actorName(e.actor())));
        table.getColumns().add(column("history.steps", 150, e -> e.fromStep() == null
                ? catalog.stepName(e.toStep(), texts.locale())
                : catalog.stepName(e.fromStep(), texts.locale()) + " → " + catalog.stepName(e.toStep(), texts.locale())));
        table.getColumns().add(column("history.details", 260, e -> WorkbenchView.summarize(e, texts)));
        return table;
    }

    private <T> TableColumn<TicketEvent, T> column(String key, double width, Function<TicketEvent, T> value) {
        TableColumn<TicketEvent, T> c = new TableColumn<>(texts.msg(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    Parent root() {
        return root;
    }
}
