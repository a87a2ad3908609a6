package org.reliefdesk.gui.tickets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.controlsfx.control.textfield.TextFields;
import org.reliefdesk.gui.common.Focus;
import org.reliefdesk.gui.common.Rows;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.model.Ticket;

/** The tickets page: the queues on the left, the table, the open ticket on the right; its tools for the window's bar. */
public final class TicketsView {

    /** The queue list's width, and the legend's under it: its longest Chinese name at 1024 px; a longer one wraps. */
    private static final double QUEUE_WIDTH = 185;

    /** The most 办理单 made at once. */
    private static final int MOST_SHEETS = 200;

    private final WorkbenchViewModel vm;
    private final Texts texts;
    private final BorderPane root = new BorderPane();
    private final TableView<Ticket> table;
    private final TicketDetailPane detail;
    private final List<Node> tools;
    private Consumer<List<Ticket>> sheets = tickets -> {};

    public TicketsView(WorkbenchViewModel vm, Texts texts, Catalog catalog, boolean syncing) {
        this.vm = vm;
        this.texts = texts;
        this.table = TicketTable.of(vm, texts, catalog, syncing);
        // after a saved action the keyboard is back on the list, on the same ticket, for the next one
        this.detail = new TicketDetailPane(
                vm, texts, catalog, this::show, t -> sheets.accept(List.of(t)), table::requestFocus);
        table.setContextMenu(selectionMenu());
        // Enter opens the ticket's usual next action (the first one this user may take).
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                vm.selected().choices().stream()
                        .filter(c -> c.refusal() == null)
                        .findFirst()
                        .ifPresent(detail::open);
                e.consume();
            }
        });
        SplitPane split = new SplitPane(table, detail.root());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.66);
        TicketTable.rememberDivider(split, vm);
        // The queue list first in the children, so Tab goes list → table → detail; and it takes
        // the focus when the workbench opens (not 新建工单, which Enter would then open).
        ListView<Queue> queues = queueList();
        VBox left = new VBox(queues, legend());
        VBox.setVgrow(queues, Priority.ALWAYS);
        root.setLeft(left);
        root.setCenter(split);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                queues.requestFocus();
            }
        });
        this.tools = tools(catalog);
    }

    /** What the row colours mean, under the queues: 即将到期, 环节超期, 督办. */
    private Node legend() {
        FlowPane legend = new FlowPane();
        legend.setId("ladderLegend");
        legend.getStyleClass().add("ladder-legend");
        legend.setHgap(4);
        legend.setVgap(4);
        // as wide as the queue list above it (a flow pane asks for 400 px and would widen the column)
        legend.setPrefWrapLength(QUEUE_WIDTH - 12);
        for (LadderState state : List.of(LadderState.DUE_SOON, LadderState.STEP_OVERDUE, LadderState.SUPERVISED)) {
            Label swatch = new Label(texts.msg("ladder." + state.name()));
            swatch.getStyleClass()
                    .add("legend-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            legend.getChildren().add(swatch);
        }
        return legend;
    }

    private List<Node> tools(Catalog catalog) {
        TextField search = TextFields.createClearableTextField();
        search.setId("searchField");
        search.setPromptText(texts.msg("workbench.searchPrompt"));
        search.setPrefColumnCount(28);
        search.setMinWidth(140);
        search.textProperty().bindBidirectional(vm.list().searchProperty());
        Button refresh = new Button(texts.msg("workbench.refresh"));
        refresh.setId("refreshButton");
        refresh.setOnAction(e -> vm.reload());
        refresh.disableProperty().bind(vm.loadingProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.loadingProperty());
        Button export = new Button(texts.msg("workbench.export"));
        export.setId("exportButton");
        export.setOnAction(e -> export());
        export.disableProperty().bind(Bindings.isEmpty(vm.list().visible()));
        Focus.shortcut(root, new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), search::requestFocus);
        Focus.shortcut(root, new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), this::printChosen);
        Focus.shortcut(root, new KeyCodeCombination(KeyCode.F5), () -> {
            if (!vm.loadingProperty().get()) {
                vm.reload();
            }
        });
        MenuButton views = new ViewsMenu(
                        vm.views(),
                        table,
                        texts,
                        vm.list(),
                        new FilterNames(
                                vm.catalog(), texts, () -> vm.placeChoices().townships()))
                .button();
        if (!vm.canOpenTickets()) {
            return List.of(busy, search, views, refresh, export);
        }
        Button open = new Button(texts.msg("newTicket.button"));
        open.setId("newTicketButton");
        open.setOnAction(e -> NewTicketDialog.show(
                        root.getScene().getWindow(),
                        vm.user(),
                        catalog,
                        texts,
                        vm.opening(),
                        vm.placeChoices(),
                        vm.today(),
                        vm.config(),
                        vm.applicant(),
                        this::show)
                .ifPresent(vm::openTicket));
        // a clerk registering a morning's requests opens each from wherever the cursor is
        open.setTooltip(new Tooltip(texts.msg("newTicket.shortcut")));
        Focus.shortcut(root, new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), open::fire);
        return List.of(busy, open, search, views, refresh, export);
    }

    /** What the chosen rows can be: printed as 办理单, or exported. */
    private ContextMenu selectionMenu() {
        ObservableList<Ticket> chosen = table.getSelectionModel().getSelectedItems();
        MenuItem print = new MenuItem();
        print.setId("printChosenSheets");
        print.textProperty()
                .bind(Bindings.createStringBinding(() -> texts.msg("tickets.printChosen", chosen.size()), chosen));
        print.disableProperty().bind(Bindings.isEmpty(chosen));
        print.setOnAction(e -> printChosen());
        MenuItem export = new MenuItem();
        export.setId("exportChosen");
        export.textProperty()
                .bind(Bindings.createStringBinding(() -> texts.msg("tickets.exportChosen", chosen.size()), chosen));
        export.disableProperty().bind(Bindings.isEmpty(chosen));
        export.setOnAction(e -> export(List.copyOf(chosen)));
        return new ContextMenu(print, export);
    }

    /**
     * The 办理单 of every chosen row, in the order shown (Ctrl+P, while this page is the one shown).
     * At most {@value #MOST_SHEETS} at once: a county's whole list chosen by Ctrl+A is not paper.
     */
    private void printChosen() {
        for (Node n = root; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return; // another tab is shown: Ctrl+P is not about these rows
            }
        }
        List<Ticket> chosen = table.getSelectionModel().getSelectedItems();
        if (chosen.size() > MOST_SHEETS) {
            vm.warn(texts.msg("tickets.tooManySheets", MOST_SHEETS, chosen.size()));
        } else if (!chosen.isEmpty()) {
            Set<UUID> ids = new HashSet<>();
            chosen.forEach(t -> ids.add(t.id()));
            sheets.accept(
                    table.getItems().stream().filter(t -> ids.contains(t.id())).toList());
        }
    }

    /** Where 打印办理单 sends the tickets to print (the shell opens the preview). */
    public void printSheetsWith(Consumer<List<Ticket>> printer) {
        this.sheets = printer;
    }

    /** The table's visible columns and rows, in the order shown. */
    private void export() {
        export(List.copyOf(table.getItems()));
    }

    /** The table's visible columns for {@code rows}. */
    private void export(List<Ticket> rows) {
        // the queue's name without its count: the file name and the sheet's title (its subtitle counts the rows)
        String queueName =
                texts.msg("queueName." + vm.list().queueProperty().get().name());
        List<String> headers = new ArrayList<>();
        List<Function<Ticket, Object>> cells = new ArrayList<>();
        for (TableColumn<Ticket, ?> c : table.getVisibleLeafColumns()) {
            if ("column.applicant".equals(c.getId())) {
                // one value per cell in a spreadsheet: the name and the masked ID number apart
                headers.add(texts.msg("column.applicantName"));
                cells.add(t -> t.applicant().name());
                headers.add(texts.msg("column.applicantIdNumber"));
                cells.add(t -> t.applicant().maskedIdNumber());
            } else {
                headers.add(c.getText());
                cells.add(t -> c.getCellObservableValue(t) == null
                        ? null
                        : c.getCellObservableValue(t).getValue());
            }
        }
        vm.exportTable(root.getScene().getWindow(), queueName, headers, cells, rows);
    }

    private ListView<Queue> queueList() {
        ListView<Queue> list = new ListView<>();
        Rows.chosenOnEntry(list);
        list.setId("queueList");
        list.getItems().setAll(Queue.values());
        list.setPrefWidth(QUEUE_WIDTH);
        list.setCellFactory(v -> new ListCell<>() {
            {
                // a name longer than the list (a large count, English, a larger font) wraps onto a
                // second line, not past the edge: "Follow-up visit overdue (15" was cut there
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Queue q, boolean empty) {
                super.updateItem(q, empty);
                textProperty().unbind();
                if (empty || q == null) {
                    setText(null);
                } else {
                    // While only the newest tickets are shown the counts are not known yet: "…".
                    textProperty()
                            .bind(Bindings.createStringBinding(
                                    () -> texts.msg(
                                            "queue." + q.name(),
                                            vm.partialProperty().get()
                                                    ? "…"
                                                    : vm.list().countProperty(q).get()),
                                    vm.list().countProperty(q),
                                    vm.partialProperty()));
                }
            }
        });
        // Township staff start on their tasks; everyone else on all their tickets.
        list.getSelectionModel().select(vm.capabilities().startsOnMyTasks() ? Queue.MY_TASKS : Queue.ALL);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, q) -> {
            if (q != null) {
                vm.list().queueProperty().set(q);
            }
        });
        vm.list().queueProperty().set(list.getSelectionModel().getSelectedItem());
        vm.list()
                .queueProperty()
                .addListener((o, a, q) -> list.getSelectionModel().select(q));
        return list;
    }

    /** Shows {@code t} open: all tickets, no search, the row selected. */
    public void show(Ticket t) {
        vm.list().searchProperty().set("");
        vm.list().queueProperty().set(Queue.ALL);
        vm.selected().ticketProperty().set(t);
    }

    /** Search, new ticket, refresh and export, for the window's bar. */
    public List<Node> tools() {
        return tools;
    }

    public Parent root() {
        return root;
    }
}
