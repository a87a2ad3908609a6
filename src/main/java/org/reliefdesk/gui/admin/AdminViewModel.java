package org.reliefdesk.gui.admin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.Window;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.sync.SyncViewModel;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.calendar.HolidayYear;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.users.ListedUser;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.User;
import org.reliefdesk.store.SetAside;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's page: the county's users (on the central store when the PC syncs, else on
 * this PC), the holiday years, and the pulled tickets this PC set aside. Every change runs off the
 * FX thread and ends in a {@link Said} for the part of the page it concerns.
 */
public final class AdminViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(AdminViewModel.class);

    /** A pulled ticket this PC set aside, as the page lists it (the reason in the user's words). */
    public record AsideRow(String ticketNo, Instant at, String pulledBy, String why) {}

    /** What happened, in the user's words; {@code refused} shows it as a problem. */
    public record Said(String text, boolean refused) {}

    private final Administration directory;
    private final Texts texts;
    private final AppConfig config;
    private final UiTasks tasks;
    private final Runnable calendarChanged;
    private final Supplier<List<SetAside.Entry>> setAsideSource;
    private final ObservableList<ListedUser> users = FXCollections.observableArrayList();
    private final ObservableList<HolidayYear> years = FXCollections.observableArrayList();
    private final ObservableList<AsideRow> setAside = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Said> usersSaid = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Said> calendarSaid = new ReadOnlyObjectWrapper<>();
    /** The data directory's holiday files left out (each with its rule), one a line; empty when none is. */
    private final ReadOnlyStringWrapper calendarLeftOut = new ReadOnlyStringWrapper("");

    public AdminViewModel(
            Administration directory,
            AppConfig config,
            UiTasks tasks,
            Runnable calendarChanged,
            Supplier<List<SetAside.Entry>> setAsideSource) {
        this.directory = directory;
        this.texts = config.texts();
        this.config = config;
        this.tasks = tasks;
        this.calendarChanged = calendarChanged;
        this.setAsideSource = setAsideSource;
    }

    /** The page of a signed-in administrator: users on the central store when the PC syncs, else on this PC. */
    public static AdminViewModel of(WorkbenchViewModel vm, SyncViewModel sync) {
        Administration directory = sync.enabled()
                ? Administration.central(sync, vm.store())
                : Administration.local(vm.store(), vm.catalog());
        return new AdminViewModel(
                directory, vm.config(), vm.tasks(), vm::reload, vm.store().setAside()::list);
    }

    /** Whether users live on the central store (first passwords, disabling). */
    public boolean central() {
        return directory.central();
    }

    /** The central store's address the users live on, as in use now; null when they live on this PC. */
    public String centralUrl() {
        return directory.centralUrl();
    }

    /** Reads the users, the calendar and the tickets set aside, then shows them. */
    public void refresh() {
        tasks.run(
                UiTasks.Lane.JOB,
                p -> new Page(directory.list(), CalendarLoader.loadReporting(config.dataDir()), setAsideSource.get()),
                page -> {
                    users.setAll(page.users());
                    years.setAll(page.calendar().calendar().years());
                    calendarLeftOut.set(page.calendar().leftOut().stream()
                            .map(bad -> texts.msg("calendar.yearLeftOut", bad.file(), texts.describe(bad)))
                            .collect(Collectors.joining("\n")));
                    setAside.setAll(page.setAside().stream()
                            .map(a -> new AsideRow(
                                    a.ticketNo() == null ? texts.msg("admin.setAsideNoNumber") : a.ticketNo(),
                                    a.at(),
                                    a.pulledBy(),
                                    texts.describe(a.why())))
                            .toList());
                },
                e -> usersSaid.set(new Said(said(e), true)));
    }

    private record Page(List<ListedUser> users, CalendarLoader.Loaded calendar, List<SetAside.Entry> setAside) {}

    /** Adds a user (with a first password on the central store); {@code added} empties the form. */
    public void add(User user, char[] firstPassword, Runnable added) {
        change(
                () -> {
                    directory.add(user, firstPassword);
                    return texts.msg(
                            directory.central() ? "admin.userAddedCentral" : "admin.userAdded",
                            user.displayName(),
                            user.username());
                },
                usersSaid,
                added);
    }

    /** Disables a user on the central store; one already disabled is only said to be. */
    public void disable(ListedUser chosen) {
        if (chosen.disabled()) {
            usersSaid.set(
                    new Said(texts.msg("admin.alreadyDisabled", chosen.user().displayName()), false));
            return;
        }
        change(
                () -> {
                    directory.disable(chosen.user().username());
                    return texts.msg(
                            "admin.userDisabled",
                            chosen.user().displayName(),
                            chosen.user().username());
                },
                usersSaid,
                () -> {});
    }

    /** Lets a disabled user sign in again. */
    public void enable(ListedUser chosen) {
        if (!chosen.disabled()) {
            return;
        }
        change(
                () -> {
                    directory.enable(chosen.user().username());
                    return texts.msg(
                            "admin.userEnabled",
                            chosen.user().displayName(),
                            chosen.user().username());
                },
                usersSaid,
                () -> {});
    }

    /**
     * Imports a holiday year the person chooses: checked here, shared through the central store
     * (which checks again), then kept on this PC; every clock is computed again.
     */
    public void importYear(Window owner) {
        List<Path> files = config.filePicker().pick(owner);
        if (files.isEmpty()) {
            return;
        }
        Path file = files.get(0);
        change(
                () -> {
                    String text = CalendarLoader.text(file);
                    String fileName = file.getFileName().toString();
                    CalendarLoader.read(fileName, text);
                    directory.shareYear(text);
                    HolidayYear y = CalendarLoader.install(fileName, text, config.dataDir());
                    return texts.msg(
                            directory.central() ? "admin.yearImportedCentral" : "admin.yearImported",
                            y.year(),
                            y.noticeTitle());
                },
                calendarSaid,
                calendarChanged);
    }

    private void change(Callable<String> change, ReadOnlyObjectWrapper<Said> where, Runnable done) {
        tasks.run(
                UiTasks.Lane.JOB,
                p -> change.call(),
                text -> {
                    where.set(new Said(text, false));
                    done.run();
                    refresh();
                },
                e -> where.set(new Said(said(e), true)));
    }

    /** An error in the words of the person at the PC: the field and rule, or the central store not reached. */
    String said(Throwable error) {
        if (error instanceof InvalidFieldException refused) {
            return texts.describe(refused);
        }
        return texts.msg("action.failed", FailureWords.of(texts, LOG, "Administration failed", error));
    }

    public ObservableList<ListedUser> users() {
        return users;
    }

    public ObservableList<HolidayYear> years() {
        return years;
    }

    public ObservableList<AsideRow> setAside() {
        return setAside;
    }

    public ReadOnlyObjectProperty<Said> usersSaidProperty() {
        return usersSaid.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Said> calendarSaidProperty() {
        return calendarSaid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty calendarLeftOutProperty() {
        return calendarLeftOut.getReadOnlyProperty();
    }
}
