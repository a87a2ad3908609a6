package org.reliefdesk.gui;

import java.nio.file.Path;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.calendar.HolidayYear;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.model.Department;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;
import org.reliefdesk.store.LocalStore;

/**
 * The administrator's page: the users of this county (add one with its role and scope) and
 * the official holiday calendar (import a new year's arrangement without a new release).
 */
final class AdminView {

    private final LocalStore store;
    private final Catalog catalog;
    private final Texts texts;
    private final AppConfig config;
    private final Runnable calendarChanged;
    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final ObservableList<HolidayYear> years = FXCollections.observableArrayList();
    private final Label message = new Label();
    private final ScrollPane root;

    AdminView(LocalStore store, Catalog catalog, Texts texts, AppConfig config, User admin, Runnable calendarChanged) {
        this.store = store;
        this.catalog = catalog;
        this.texts = texts;
        this.config = config;
        this.calendarChanged = calendarChanged;
        message.setId("adminMessage");
        message.setWrapText(true);

        TableView<User> userTable = new TableView<>(users);
        userTable.setId("userTable");
        userTable.setPrefHeight(220);
        userTable.getColumns().add(Columns.of(texts, "admin.username", 140, User::username));
        userTable.getColumns().add(Columns.of(texts, "admin.displayName", 100, User::displayName));
        userTable.getColumns().add(Columns.of(texts, "admin.role", 130, u -> texts.msg("role." + u.role().name())));
        userTable.getColumns().add(Columns.of(texts, "admin.scope", 160, u -> u.departmentCode() != null
                ? catalog.departmentName(u.departmentCode(), texts.locale())
                : DemoCounty.placeName(u.townshipCode() != null ? u.townshipCode() : u.countyCode())));

        TextField username = new TextField();
        username.setId("newUsername");
        username.setPromptText(texts.msg("admin.username"));
        TextField name = new TextField();
        name.setId("newDisplayName");
        name.setPromptText(texts.msg("admin.displayName"));
        ComboBox<Role> role = new ComboBox<>(FXCollections.observableArrayList(Role.values()));
        role.setId("newRole");
        role.setCellFactory(v -> Cells.of(r -> texts.msg("role." + r.name())));
        role.setButtonCell(Cells.of(r -> texts.msg("role." + r.name())));
        role.setPromptText(texts.msg("admin.role"));
        ComboBox<Department> department = new ComboBox<>(FXCollections.observableArrayList(catalog.departments()));
        department.setId("newDepartment");
        department.setCellFactory(v -> Cells.of(d -> catalog.departmentName(d.code(), texts.locale())));
        department.setButtonCell(Cells.of(d -> catalog.departmentName(d.code(), texts.locale())));
        department.setPromptText(texts.msg("field.departmentCode"));
        ComboBox<Place> township = new ComboBox<>(FXCollections.observableArrayList(DemoCounty.townships()));
        township.setId("newUserTownship");
        township.setCellFactory(v -> Cells.of(Place::name));
        township.setButtonCell(Cells.of(Place::name));
        township.setPromptText(texts.msg("field.townshipName"));
        department.disableProperty().bind(role.valueProperty().isNotEqualTo(Role.CLERK));
        township.disableProperty().bind(role.valueProperty().isNotEqualTo(Role.TOWNSHIP));
        Button add = new Button(texts.msg("admin.addUser"));
        add.setId("addUserButton");
        add.setOnAction(e -> {
            User u = new User(username.getText().strip(), name.getText().strip(), role.getValue(), admin.countyCode(),
                    role.getValue() == Role.CLERK && department.getValue() != null ? department.getValue().code() : null,
                    role.getValue() == Role.TOWNSHIP && township.getValue() != null ? township.getValue().code() : null);
            run(() -> {
                store.users().add(u, catalog);
                return texts.msg("admin.userAdded", u.displayName(), u.username());
            });
        });

        TableView<HolidayYear> yearTable = new TableView<>(years);
        yearTable.setId("yearTable");
        yearTable.setPrefHeight(220);
        yearTable.getColumns().add(Columns.of(texts, "admin.year", 60, HolidayYear::year));
        yearTable.getColumns().add(Columns.of(texts, "admin.notice", 330, HolidayYear::noticeTitle));
        yearTable.getColumns().add(Columns.of(texts, "admin.noticeNumber", 160, y -> y.noticeNumber() == null ? "" : y.noticeNumber()));
        yearTable.getColumns().add(Columns.of(texts, "admin.issued", 100, y -> y.issued().toString()));
        yearTable.getColumns().add(Columns.of(texts, "admin.offDays", 70, y -> y.offDays().size()));
        yearTable.getColumns().add(Columns.of(texts, "admin.makeUpDays", 90, y -> y.makeUpWorkingDays().size()));
        Button importYear = new Button(texts.msg("admin.importYear"));
        importYear.setId("importYearButton");
        importYear.setOnAction(e -> {
            List<Path> files = config.filePicker().pick(importYear.getScene().getWindow());
            if (!files.isEmpty()) {
                run(() -> {
                    HolidayYear y = CalendarLoader.install(files.get(0), config.dataDir());
                    return texts.msg("admin.yearImported", y.year(), y.noticeTitle());
                });
            }
        });

        VBox box = new VBox(10,
                WorkbenchView.titled(texts.msg("admin.users"), userTable),
                new HBox(8, username, name, role, department, township, add),
                WorkbenchView.titled(texts.msg("admin.calendar"), yearTable),
                new HBox(8, importYear, new Label(texts.msg("admin.importHint"))),
                message);
        box.setPadding(new Insets(12));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        refresh();
    }

    Parent root() {
        return root;
    }

    /** Runs a change off the FX thread; says what happened or which field and rule refused it. */
    private void run(java.util.concurrent.Callable<String> change) {
        Task<String> task = new Task<>() {
            @Override
            protected String call() throws Exception {
                return change.call();
            }
        };
        task.setOnSucceeded(e -> {
            message.setText(task.getValue());
            refresh();
            calendarChanged.run();
        });
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            message.setText(error instanceof InvalidFieldException refused ? texts.describe(refused)
                    : texts.msg("action.failed", error.getMessage()));
        });
        start(task);
    }

    /** Reads the users and the calendar off the FX thread, then shows them. */
    private void refresh() {
        Task<Object[]> load = new Task<>() {
            @Override
            protected Object[] call() {
                return new Object[] {store.users().list(), CalendarLoader.load(config.dataDir()).years()};
            }
        };
        load.setOnSucceeded(e -> {
            @SuppressWarnings("unchecked")
            List<User> u = (List<User>) load.getValue()[0];
            @SuppressWarnings("unchecked")
            List<HolidayYear> y = (List<HolidayYear>) load.getValue()[1];
            users.setAll(u);
            years.setAll(y);
        });
        load.setOnFailed(e -> message.setText(texts.msg("action.failed", load.getException().getMessage())));
        start(load);
    }

    private static void start(Task<?> task) {
        Thread t = new Thread(task, "reliefdesk-admin");
        t.setDaemon(true);
        t.start();
    }

}
