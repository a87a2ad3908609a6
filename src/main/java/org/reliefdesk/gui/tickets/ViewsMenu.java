package org.reliefdesk.gui.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

import org.reliefdesk.gui.common.ColumnPrefs;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.Ticket;

/**
 * 视图: the saved views to choose from, 保存当前视图… (the queue, the search, the sort, the
 * columns shown and the column filters, under a name), 删除视图 and 按列筛选. Columns are shown or hidden from the table's own
 * menu button (the + at the right of its header).
 */
final class ViewsMenu {

    private final SavedViews views;
    private final TableView<Ticket> table;
    private final Texts texts;
    private final TicketList list;
    private final FilterNames names;
    private final MenuButton button;
    private final Menu filterMenu;

    ViewsMenu(SavedViews views, TableView<Ticket> table, Texts texts, TicketList list, FilterNames names) {
        this.views = views;
        this.table = table;
        this.texts = texts;
        this.list = list;
        this.names = names;
        button = new MenuButton();
        button.setId("viewsButton");
        // says when the list is narrowed by a column, so a short list is never a mystery
        button.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> list.filters().isEmpty()
                                ? texts.msg("views.button")
                                : texts.msg(
                                        "views.buttonFiltered", list.filters().size()),
                        list.filters()));
        filterMenu = new Menu(texts.msg("views.filter"));
        filterMenu.setId("filterMenu");
        // the values are the scope's as it is now: read when the menu opens
        button.setOnShowing(e -> fillFilters());
        views.views().addListener((ListChangeListener<SavedView>) c -> fill());
        fill();
        views.load();
    }

    /** 按列筛选: per column, 全部 or one of the values the tickets hold there; 清除筛选. */
    private void fillFilters() {
        BiFunction<ColumnFilter, String, String> name = names.now();
        List<MenuItem> items = new ArrayList<>();
        for (ColumnFilter column : ColumnFilter.values()) {
            String chosen = list.filters().get(column);
            String label = texts.msg(column.labelKey());
            Menu menu = new Menu(
                    chosen == null ? label : texts.msg("views.filterChosen", label, name.apply(column, chosen)));
            menu.setId("filter-" + column.name());
            menu.setMnemonicParsing(false);
            ToggleGroup group = new ToggleGroup();
            RadioMenuItem all = new RadioMenuItem(texts.msg("views.filterAll"));
            all.setId("filter-" + column.name() + "-all");
            all.setToggleGroup(group);
            all.setSelected(chosen == null);
            all.setOnAction(e -> list.filters().remove(column));
            menu.getItems().add(all);
            List<String> values = list.valuesOf(column);
            for (int i = 0; i < values.size(); i++) {
                String code = values.get(i);
                RadioMenuItem one = new RadioMenuItem(name.apply(column, code));
                one.setId("filter-" + column.name() + "-" + i);
                one.setMnemonicParsing(false);
                one.setToggleGroup(group);
                one.setSelected(code.equals(chosen));
                one.setOnAction(e -> list.filters().put(column, code));
                menu.getItems().add(one);
            }
            items.add(menu);
        }
        items.add(new SeparatorMenuItem());
        MenuItem clear = new MenuItem(texts.msg("views.filterClear"));
        clear.setId("clearFilters");
        clear.setDisable(list.filters().isEmpty());
        clear.setOnAction(e -> list.filters().clear());
        items.add(clear);
        filterMenu.getItems().setAll(items);
    }

    MenuButton button() {
        return button;
    }

    private void fill() {
        List<MenuItem> items = new ArrayList<>();
        Menu delete = new Menu(texts.msg("views.delete"));
        delete.setId("deleteViewMenu");
        for (SavedView v : views.views()) {
            MenuItem choose = new MenuItem(v.name());
            choose.setId("view-" + views.views().indexOf(v));
            choose.setMnemonicParsing(false);
            choose.setOnAction(e -> views.apply(v, this::show));
            items.add(choose);
            MenuItem remove = new MenuItem(v.name());
            remove.setMnemonicParsing(false);
            remove.setOnAction(e -> views.delete(v.name()));
            delete.getItems().add(remove);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem(texts.msg("views.none"));
            none.setDisable(true);
            items.add(none);
        }
        items.add(new SeparatorMenuItem());
        MenuItem save = new MenuItem(texts.msg("views.save"));
        save.setId("saveViewItem");
        save.setOnAction(e -> askName().ifPresent(name -> views.save(current(name))));
        items.add(save);
        delete.setDisable(delete.getItems().isEmpty());
        items.add(delete);
        items.add(new SeparatorMenuItem());
        items.add(filterMenu);
        items.add(columns());
        button.getItems().setAll(items);
    }

    /** 显示的列: each column shown or hidden by keyboard too (the table's + button takes a mouse). */
    private Menu columns() {
        Menu columns = new Menu(texts.msg("views.columns"));
        columns.setId("columnsMenu");
        for (TableColumn<Ticket, ?> c : table.getColumns()) {
            CheckMenuItem shown = new CheckMenuItem(c.getText());
            shown.setId("show-" + c.getId().replace('.', '-')); // a dot would read as a style class
            shown.setMnemonicParsing(false);
            shown.selectedProperty().bindBidirectional(c.visibleProperty());
            columns.getItems().add(shown);
        }
        return columns;
    }

    /** The table as {@code v} says: its columns shown or hidden, its sort. */
    private void show(SavedView v) {
        for (TableColumn<Ticket, ?> c : table.getColumns()) {
            c.setVisible(!v.hidden().contains(c.getId()));
        }
        ColumnPrefs.sortBy(table, v.sort());
    }

    private SavedView current(String name) {
        String kept = ColumnPrefs.sortOf(table);
        List<String> sort = kept.isEmpty() ? List.of() : List.of(kept.split(","));
        List<String> hidden = table.getColumns().stream()
                .filter(c -> !c.isVisible())
                .map(TableColumn::getId)
                .toList();
        return views.current(name, sort, hidden);
    }

    /** The name to save under; the rule is said as it is typed, and 确定 waits for a good name. */
    private Optional<String> askName() {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(table.getScene().getWindow());
        dialog.setTitle(texts.msg("views.save"));
        TextField name = new TextField();
        name.setId("viewNameField");
        name.setPromptText(texts.msg("views.namePrompt"));
        Label said = new Label();
        said.setId("viewNameMessage");
        said.setWrapText(true);
        said.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> views.refusal(name.getText())
                                .map(texts::describe)
                                .orElseGet(() -> views.has(name.getText())
                                        ? texts.msg(
                                                "views.replaces", name.getText().strip())
                                        : ""),
                        name.textProperty()));
        VBox box = new VBox(8, new Label(texts.msg("views.nameLabel")), name, said);
        box.setPrefWidth(360);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId("viewSaveButton");
        dialog.getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> views.refusal(name.getText()).isPresent(), name.textProperty()));
        dialog.setResultConverter(b -> b == ButtonType.OK ? name.getText().strip() : null);
        dialog.setOnShown(e -> name.requestFocus());
        return dialog.showAndWait();
    }
}
