package org.reliefdesk.gui.admin;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.reliefdesk.gui.common.Cells;
import org.reliefdesk.gui.common.Columns;
import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.common.Panes;
import org.reliefdesk.gui.common.People;
import org.reliefdesk.gui.common.Rows;
import org.reliefdesk.gui.forms.ActionDialogs;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.calendar.HolidayYear;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.PlaceDirectory;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.users.ListedUser;
import org.reliefdesk.logic.users.PasswordRules;
import org.reliefdesk.model.Department;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;

/**
 * The administrator's page: the users of this county (add one with its role and scope, on the
 * central store with a first password when the PC syncs; disable one there) and the official
 * holiday calendar (import a new year's arrangement without a new release).
 */
public final class AdminView {

    private final AdminViewModel vm;
    private final Texts texts;
    /** What happened to the last user change (under the new user's fields), and to the last calendar import. */
    private final Label message = new Label();

    private final Label calendarMessage = new Label();
    /** Holiday files of the data directory that are not used, and why (stays until the file is put right). */
    private final Label calendarLeftOut = new Label();

    private final ScrollPane root;

    public AdminView(
            AdminViewModel vm, Catalog catalog, Texts texts, AppConfig config, User admin, PlaceDirectory places) {
        this.vm = vm;
        this.texts = texts;
        vm.usersSaidProperty().addListener((o, a, said) -> say(message, said));
        vm.calendarSaidProperty().addListener((o, a, said) -> say(calendarMessage, said));
        message.setId("adminMessage");
        message.setWrapText(true);
        calendarMessage.setId("calendarMessage");
        calendarMessage.setWrapText(true);
        // an empty message takes no line: the page does not open with gaps under its buttons
        for (Label said : List.of(message, calendarMessage)) {
            said.managedProperty().bind(said.textProperty().isNotEmpty());
            said.visibleProperty().bind(said.managedProperty());
        }
        calendarLeftOut.setId("calendarLeftOut");
        calendarLeftOut.setWrapText(true);
        calendarLeftOut.getStyleClass().add("message-refused");
        calendarLeftOut.textProperty().bind(vm.calendarLeftOutProperty());
        calendarLeftOut.visibleProperty().bind(vm.calendarLeftOutProperty().isNotEmpty());
        calendarLeftOut.managedProperty().bind(calendarLeftOut.visibleProperty());

        TableView<ListedUser> userTable = new TableView<>(vm.users());
        Rows.chosenOnEntry(userTable);
        Columns.shareWidth(userTable);
        userTable.setId("userTable");
        userTable.setPrefHeight(220);
        userTable
                .getColumns()
                .add(Columns.of(texts, "admin.username", 140, l -> l.user().username()));
        userTable
                .getColumns()
                .add(Columns.of(texts, "admin.displayName", 100, l -> l.user().displayName()));
        userTable
                .getColumns()
                .add(Columns.of(
                        texts,
                        "admin.role",
                        170,
                        l -> texts.msg("role." + l.user().role().name())));
        userTable
                .getColumns()
                .add(Columns.of(texts, "admin.scope", 200, l -> People.scope(l.user(), texts, catalog, places)));
        if (vm.central()) {
            userTable
                    .getColumns()
                    .add(Columns.of(
                            texts,
                            "admin.state",
                            80,
                            l -> texts.msg(l.disabled() ? "admin.disabled" : "admin.active")));
        }
        Label where = new Label(
                vm.central()
                        ? texts.msg(
                                "admin.usersCentral",
                                config.central().url() == null ? texts.msg("admin.embeddedCentral") : vm.centralUrl())
                        : texts.msg("admin.usersLocal"));
        where.setId("usersWhere");
        where.setWrapText(true);

        TextField username = new TextField();
        username.setId("newUsername");
        TextField name = new TextField();
        name.setId("newDisplayName");
        ComboBox<Role> role = new ComboBox<>(FXCollections.observableArrayList(Role.values()));
        role.setId("newRole");
        role.setCellFactory(v -> Cells.of(r -> texts.msg("role." + r.name())));
        role.setButtonCell(Cells.of(r -> texts.msg("role." + r.name())));
        ComboBox<Department> department = new ComboBox<>(FXCollections.observableArrayList(catalog.departments()));
        department.setId("newDepartment");
        department.setCellFactory(v -> Cells.of(d -> catalog.departmentName(d.code(), texts.locale())));
        department.setButtonCell(Cells.of(d -> catalog.departmentName(d.code(), texts.locale())));
        ComboBox<Place> township =
                new ComboBox<>(FXCollections.observableArrayList(places.townships(admin.countyCode())));
        township.setId("newUserTownship");
        township.setCellFactory(v -> Cells.of(Place::name));
        township.setButtonCell(Cells.of(Place::name));
        department.disableProperty().bind(role.valueProperty().isNotEqualTo(Role.CLERK));
        township.disableProperty().bind(role.valueProperty().isNotEqualTo(Role.TOWNSHIP));
        PasswordField password = new PasswordField();
        password.setId("newPassword");
        Button add = new Button(texts.msg("admin.addUser"));
        add.setId("addUserButton");
        add.setOnAction(e -> {
            User u = new User(
                    username.getText().strip(),
                    name.getText().strip(),
                    role.getValue(),
                    admin.countyCode(),
                    role.getValue() == Role.CLERK && department.getValue() != null
                            ? department.getValue().code()
                            : null,
                    role.getValue() == Role.TOWNSHIP && township.getValue() != null
                            ? township.getValue().code()
                            : null);
            vm.add(u, password.getText().toCharArray(), () -> {
                // Added: an empty form for the next person (nobody added twice by a second click).
                username.clear();
                name.clear();
                password.clear();
            });
        });
        Button disable = new Button(texts.msg("admin.disableUser"));
        disable.setId("disableUserButton");
        disable.setVisible(vm.central());
        disable.setManaged(vm.central());
        disable.disableProperty()
                .bind(userTable.getSelectionModel().selectedItemProperty().isNull());
        // One button: 停用 for an active user (asked first), 重新启用 for a disabled one.
        disable.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            ListedUser chosen = userTable.getSelectionModel().getSelectedItem();
                            return texts.msg(
                                    chosen != null && chosen.disabled() ? "admin.enableUser" : "admin.disableUser");
                        },
                        userTable.getSelectionModel().selectedItemProperty()));
        disable.setOnAction(e -> {
            ListedUser chosen = userTable.getSelectionModel().getSelectedItem();
            if (chosen.disabled()) {
                vm.enable(chosen);
            } else if (ActionDialogs.confirm(
                    disable.getScene().getWindow(),
                    texts,
                    texts.msg(
                            "admin.confirmDisable",
                            chosen.user().displayName(),
                            chosen.user().username()))) {
                vm.disable(chosen);
            }
        });

        TableView<HolidayYear> yearTable = new TableView<>(vm.years());
        Rows.chosenOnEntry(yearTable);
        Columns.shareWidth(yearTable);
        yearTable.setId("yearTable");
        yearTable.setPrefHeight(220);
        yearTable.getColumns().add(Columns.of(texts, "admin.year", 60, HolidayYear::year));
        yearTable.getColumns().add(Columns.of(texts, "admin.notice", 330, HolidayYear::noticeTitle));
        yearTable
                .getColumns()
                .add(Columns.of(
                        texts, "admin.noticeNumber", 160, y -> y.noticeNumber() == null ? "" : y.noticeNumber()));
        yearTable
                .getColumns()
                .add(Columns.of(texts, "admin.issued", 100, y -> y.issued().toString()));
        yearTable
                .getColumns()
                .add(Columns.of(texts, "admin.offDays", 70, y -> y.offDays().size()));
        yearTable
                .getColumns()
                .add(Columns.of(
                        texts,
                        "admin.makeUpDays",
                        90,
                        y -> y.makeUpWorkingDays().size()));
        Button importYear = new Button(texts.msg("admin.importYear"));
        importYear.setId("importYearButton");
        importYear.setOnAction(e -> vm.importYear(importYear.getScene().getWindow()));

        // Tickets a pull brought that this PC could not take: kept with the reason, the pull went on.
        TableView<AdminViewModel.AsideRow> asideTable = new TableView<>(vm.setAside());
        Rows.chosenOnEntry(asideTable);
        Columns.shareWidth(asideTable);
        asideTable.setId("setAsideTable");
        asideTable.setPrefHeight(140);
        asideTable.setPlaceholder(new Label(texts.msg("admin.setAsideNone")));
        asideTable.getColumns().add(Columns.of(texts, "admin.setAsideNo", 170, AdminViewModel.AsideRow::ticketNo));
        asideTable.getColumns().add(Columns.of(texts, "admin.setAsideAt", 130, a -> Formats.dateTime(a.at())));
        asideTable.getColumns().add(Columns.of(texts, "admin.setAsideBy", 100, AdminViewModel.AsideRow::pulledBy));
        asideTable.getColumns().add(Columns.of(texts, "admin.setAsideWhy", 420, AdminViewModel.AsideRow::why));
        Label asideHint = new Label(texts.msg("admin.setAsideHint"));
        asideHint.setWrapText(true);

        // Under the list: where the users live, and disabling the chosen one.
        HBox underList = Panes.row(12, where, disable);
        HBox.setHgrow(where, Priority.ALWAYS);
        where.setMaxWidth(Double.MAX_VALUE);
        // The new user's fields with their labels beside them (a prompt inside a field is gone once typed in).
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        for (Control c : List.of(username, name, role, department, township, password)) {
            c.setPrefWidth(180);
        }
        form.addRow(0, fieldLabel("username"), username, fieldLabel("displayName"), name, fieldLabel("role"), role);
        form.addRow(1, fieldLabel("departmentCode"), department, fieldLabel("townshipName"), township);
        // the first password (a long name) and the button on a line of their own, so no column of
        // names is as wide as it: beside the township they cut "Sign-in …", "Depart…" and "Add…" at 1024 px
        HBox last = Panes.row(8);
        if (vm.central()) {
            Label first = new Label(texts.msg("admin.firstPassword", PasswordRules.MIN_LENGTH));
            first.setMinWidth(Region.USE_PREF_SIZE);
            last.getChildren().addAll(first, password);
        }
        last.getChildren().add(add);
        Panes.buttonsKeepWords(last);
        last.setAlignment(Pos.CENTER_LEFT);
        form.add(last, 0, 2, 6, 1);
        VBox box = new VBox(
                10,
                Panes.titled(texts.msg("admin.users"), userTable),
                underList,
                Panes.titled(texts.msg("admin.addUser"), form),
                message,
                Panes.titled(texts.msg("admin.calendar"), yearTable),
                new HBox(8, importYear, new Label(texts.msg("admin.importHint"))),
                calendarMessage,
                calendarLeftOut,
                Panes.titled(texts.msg("admin.setAside"), asideTable),
                asideHint);
        box.setPadding(new Insets(12));
        root = new ScrollPane(box);
        root.setId("adminPage");
        root.setFitToWidth(true);
        refresh();
    }

    /** A field's name as a label beside it, never cut (the fields beside give way). */
    private Label fieldLabel(String field) {
        Label label = new Label(texts.fieldHeading(field));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    public Parent root() {
        return root;
    }

    /** Reads the page again (each time it is opened: a sync since may have set tickets aside, or added users). */
    public void refresh() {
        vm.refresh();
    }

    private static void say(Label where, AdminViewModel.Said said) {
        where.setText(said == null ? "" : said.text());
        where.getStyleClass().removeAll("message-ok", "message-refused");
        if (said != null) {
            where.getStyleClass().add(said.refused() ? "message-refused" : "message-ok");
        }
    }
}
