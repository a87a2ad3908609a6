package org.reliefdesk.gui.admin;

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
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.calendar.HolidayYear;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.users.ListedUser;
import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.model.Department;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;
import org.reliefdesk.store.SetAside;
import org.reliefdesk.sync.CentralClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.reliefdesk.gui.common.Cells;
import org.reliefdesk.gui.common.Columns;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.forms.ActionDialogs;
import org.reliefdesk.gui.tickets.WorkbenchView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.scene.control.Control;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.reliefdesk.logic.calendar.CalendarException;
import org.reliefdesk.logic.users.PasswordRules;

/**
 * The administrator's page: the users of this county (add one with its role and scope, on the
 * central store with a first password when the PC syncs; disable one there) and the official
 * holiday calendar (import a new year's arrangement without a new release).
 */
public final class AdminView {

    private static final Logger LOG = LoggerFactory.getLogger(AdminView.class);

    private final Administration directory;
    private final Catalog catalog;
    private final Texts texts;
    private final AppConfig config;
    private final Runnable calendarChanged;
    private final ObservableList<ListedUser> users = FXCollections.observableArrayList();
    private final ObservableList<HolidayYear> years = FXCollections.observableArrayList();
    private final ObservableList<SetAside.Entry> setAside = FXCollections.observableArrayList();
    private final Supplier<List<SetAside.Entry>> setAsideSource;
    /** What happened to the last user change (under the new user's fields), and to the last calendar import. */
    private final Label message = new Label();
    private final Label calendarMessage = new Label();
    private final ScrollPane root;

    public AdminView(Administration directory, Catalog catalog, Texts texts, AppConfig config, User admin,
            Runnable calendarChanged, Supplier<List<SetAside.Entry>> setAsideSource) {
        this.directory = directory;
        this.setAsideSource = setAsideSource;
        this.catalog = catalog;
        this.texts = texts;
        this.config = config;
        this.calendarChanged = calendarChanged;
        message.setId("adminMessage");
        message.setWrapText(true);
        calendarMessage.setId("calendarMessage");
        calendarMessage.setWrapText(true);

        TableView<ListedUser> userTable = new TableView<>(users);
        userTable.setId("userTable");
        userTable.setPrefHeight(220);
        userTable.getColumns().add(Columns.of(texts, "admin.username", 140, l -> l.user().username()));
        userTable.getColumns().add(Columns.of(texts, "admin.displayName", 100, l -> l.user().displayName()));
        userTable.getColumns().add(Columns.of(texts, "admin.role", 170, l -> texts.msg("role." + l.user().role().name())));
        userTable.getColumns().add(Columns.of(texts, "admin.scope", 200, l -> l.user().departmentCode() != null
                ? catalog.departmentName(l.user().departmentCode(), texts.locale())
                : DemoCounty.placeName(l.user().townshipCode() != null ? l.user().townshipCode() : l.user().countyCode())));
        if (directory.central()) {
            userTable.getColumns().add(Columns.of(texts, "admin.state", 80,
                    l -> texts.msg(l.disabled() ? "admin.disabled" : "admin.active")));
        }
        Label where = new Label(directory.central() ? texts.msg("admin.usersCentral", config.central().url() == null
                ? texts.msg("admin.embeddedCentral") : config.central().url()) : texts.msg("admin.usersLocal"));
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
        ComboBox<Place> township = new ComboBox<>(FXCollections.observableArrayList(DemoCounty.townships()));
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
            User u = new User(username.getText().strip(), name.getText().strip(), role.getValue(), admin.countyCode(),
                    role.getValue() == Role.CLERK && department.getValue() != null ? department.getValue().code() : null,
                    role.getValue() == Role.TOWNSHIP && township.getValue() != null ? township.getValue().code() : null);
            char[] first = password.getText().toCharArray();
            run(() -> {
                directory.add(u, first);
                return texts.msg(directory.central() ? "admin.userAddedCentral" : "admin.userAdded",
                        u.displayName(), u.username());
            }, message, () -> {
                // Added: an empty form for the next person (nobody added twice by a second click).
                username.clear();
                name.clear();
                password.clear();
            });
        });
        Button disable = new Button(texts.msg("admin.disableUser"));
        disable.setId("disableUserButton");
        disable.setVisible(directory.central());
        disable.setManaged(directory.central());
        disable.disableProperty().bind(userTable.getSelectionModel().selectedItemProperty().isNull());
        disable.setOnAction(e -> {
            ListedUser chosen = userTable.getSelectionModel().getSelectedItem();
            if (chosen.disabled()) {
                say(message, texts.msg("admin.alreadyDisabled", chosen.user().displayName()), false);
                return;
            }
            if (ActionDialogs.confirm(disable.getScene().getWindow(), texts, texts.msg("admin.confirmDisable",
                    chosen.user().displayName(), chosen.user().username()))) {
                run(() -> {
                    directory.disable(chosen.user().username());
                    return texts.msg("admin.userDisabled", chosen.user().displayName(), chosen.user().username());
                }, message, () -> { });
            }
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
                    // Checked here first, then shared (the central store checks again), then kept on this PC.
                    String text = Files.readString(files.get(0), StandardCharsets.UTF_8);
                    String fileName = files.get(0).getFileName().toString();
                    CalendarLoader.read(fileName, text);
                    directory.shareYear(text);
                    HolidayYear y = CalendarLoader.install(fileName, text, config.dataDir());
                    return texts.msg(directory.central() ? "admin.yearImportedCentral" : "admin.yearImported",
                            y.year(), y.noticeTitle());
                }, calendarMessage, calendarChanged);
            }
        });

        // Tickets a pull brought that this PC could not take: kept with the reason, the pull went on.
        TableView<SetAside.Entry> asideTable = new TableView<>(setAside);
        asideTable.setId("setAsideTable");
        asideTable.setPrefHeight(140);
        asideTable.setPlaceholder(new Label(texts.msg("admin.setAsideNone")));
        asideTable.getColumns().add(Columns.of(texts, "admin.setAsideNo", 170, a -> a.ticketNo() == null ? "" : a.ticketNo()));
        asideTable.getColumns().add(Columns.of(texts, "admin.setAsideAt", 130, a -> Formats.dateTime(a.at())));
        asideTable.getColumns().add(Columns.of(texts, "admin.setAsideBy", 100, SetAside.Entry::pulledBy));
        asideTable.getColumns().add(Columns.of(texts, "admin.setAsideWhy", 420, a -> texts.describe(a.why())));
        Label asideHint = new Label(texts.msg("admin.setAsideHint"));
        asideHint.setWrapText(true);

        // Under the list: where the users live, and disabling the chosen one.
        HBox underList = new HBox(12, where, disable);
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
        if (directory.central()) {
            form.add(new Label(texts.msg("admin.firstPassword", PasswordRules.MIN_LENGTH)), 4, 1);
            form.add(password, 5, 1);
        }
        form.add(add, 6, 1);
        VBox box = new VBox(10,
                WorkbenchView.titled(texts.msg("admin.users"), userTable),
                underList,
                WorkbenchView.titled(texts.msg("admin.addUser"), form),
                message,
                WorkbenchView.titled(texts.msg("admin.calendar"), yearTable),
                new HBox(8, importYear, new Label(texts.msg("admin.importHint"))),
                calendarMessage,
                WorkbenchView.titled(texts.msg("admin.setAside"), asideTable),
                asideHint);
        box.setPadding(new Insets(12));
        root = new ScrollPane(box);
        root.setId("adminPage");
        root.setFitToWidth(true);
        refresh();
    }

    /** A field's name as a label beside it (the names are lower case for use inside messages: "name: required"). */
    private Label fieldLabel(String field) {
        String name = texts.fieldName(field);
        return new Label(name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }

    public Parent root() {
        return root;
    }

    /**
     * Runs a change off the FX thread; says in {@code where} what happened (and runs {@code done}) or,
     * in red, which field and rule refused it, or that the central store could not be reached.
     */
    private void run(Callable<String> change, Label where, Runnable done) {
        Task<String> task = new Task<>() {
            @Override
            protected String call() throws Exception {
                return change.call();
            }
        };
        task.setOnSucceeded(e -> {
            say(where, task.getValue(), false);
            done.run();
            refresh();
        });
        task.setOnFailed(e -> say(where, said(task.getException()), true));
        start(task);
    }

    /** Reads the users, the calendar and the tickets set aside off the FX thread, then shows them. */
    public void refresh() {
        Task<Object[]> load = new Task<>() {
            @Override
            protected Object[] call() throws IOException {
                return new Object[] {directory.list(), CalendarLoader.load(config.dataDir()).years(), setAsideSource.get()};
            }
        };
        load.setOnSucceeded(e -> {
            @SuppressWarnings("unchecked")
            List<ListedUser> u = (List<ListedUser>) load.getValue()[0];
            @SuppressWarnings("unchecked")
            List<HolidayYear> y = (List<HolidayYear>) load.getValue()[1];
            @SuppressWarnings("unchecked")
            List<SetAside.Entry> aside = (List<SetAside.Entry>) load.getValue()[2];
            users.setAll(u);
            years.setAll(y);
            setAside.setAll(aside);
        });
        load.setOnFailed(e -> say(message, said(load.getException()), true));
        start(load);
    }

    private static void say(Label where, String text, boolean refused) {
        where.setText(text);
        where.setStyle(refused ? "-fx-text-fill: #b00020;" : "");
    }

    /** An error in the words of the person at the PC: the field and rule, or the central store not reached. */
    private String said(Throwable error) {
        if (error instanceof InvalidFieldException refused) {
            return texts.describe(refused);
        }
        if (error instanceof CalendarException bad) {
            return texts.describe(new InvalidFieldException("calendar", "rule.calendar.invalid", bad.getMessage()));
        }
        if (error instanceof CentralClient.Unreachable away) {
            return texts.msg("sync.unreachable", away.url());
        }
        if (error instanceof CentralClient.Refused refused && texts.bundle().containsKey(refused.code())) {
            return texts.msg(refused.code(), refused.retryAfterSeconds());
        }
        LOG.warn("Administration failed", error);
        return texts.msg("action.failed", error.getMessage());
    }

    private static void start(Task<?> task) {
        Thread t = new Thread(task, "reliefdesk-admin");
        t.setDaemon(true);
        t.start();
    }

}
