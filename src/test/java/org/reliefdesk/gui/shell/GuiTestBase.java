package org.reliefdesk.gui.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.central.CentralStore;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.User;
import org.reliefdesk.store.LocalStore;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The workbench started headless on a fresh data directory with the demo county generated as
 * of noon on a given day, in Chinese, and signing in as one of the demo users.
 */
abstract class GuiTestBase extends FxRobot {

    @TempDir
    Path dataDir;

    WorkbenchApp app;

    /** Where "save as" dialogs answer; a test sets it before starting the app. */
    AppConfig.FileSaver saver = (owner, name, extension) -> Optional.empty();

    /** Sync: none by default (the sample imported locally); a test sets the embedded demo central store. */
    AppConfig.Central central = AppConfig.Central.OFF;

    /** The language the app speaks: Chinese, as most users have it; a test sets English. */
    Locale language = Texts.CHINESE;

    /** How long the window waits idle before it locks; a test sets it short. */
    java.time.Duration idleLock = java.time.Duration.ofMinutes(15);

    void startApp(LocalDate day, int sampleCount, AppConfig.FilePicker picker) throws Exception {
        startApp(day, sampleCount, picker, file -> {
            throw new IOException("no viewer in tests");
        });
    }

    void startApp(LocalDate day, int sampleCount, AppConfig.FilePicker picker, AppConfig.FileOpener opener)
            throws Exception {
        FxToolkit.registerPrimaryStage();
        Clock clock = Clock.fixed(SampleGenerator.noon(day), ChinaTime.ZONE);
        AppConfig config = new AppConfig(dataDir, new Texts(language), clock, sampleCount, picker, opener, saver)
                .withCentral(central)
                .withIdleLock(idleLock);
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(config));
        WaitForAsyncUtils.waitFor(
                90,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#signInUserList").tryQuery().isPresent()));
    }

    /** A county's own central store (an H2 file under the test's folder) with one user and generated tickets. */
    record RealCentral(CentralStore store, List<String> lines, int added) {}

    RealCentral realCentral(User user, String password, int tickets) throws IOException {
        Catalog catalog = CatalogLoader.loadBuiltIn();
        Clock clock = Clock.system(ChinaTime.ZONE);
        CentralStore central = CentralStore.open(
                "jdbc:h2:file:" + dataDir.resolve("server").resolve("central").toAbsolutePath(), catalog, clock);
        central.users().add(user, password.toCharArray(), clock.instant());
        TicketLineCodec codec = new TicketLineCodec(catalog);
        List<String> lines = new SampleGenerator(catalog)
                .generate(7, Instant.now().minusSeconds(3600), tickets).stream()
                        .map(codec::write)
                        .toList();
        var intake = central.tickets()
                .intake(
                        new BufferedReader(new StringReader(String.join("\n", lines))),
                        null,
                        LocalDate.now(clock),
                        clock.instant());
        return new RealCentral(central, lines, intake.added());
    }

    void startApp(LocalDate day, int sampleCount) throws Exception {
        startApp(day, sampleCount, AppConfig.SYSTEM_PICKER);
    }

    /** Picks the demo user by display name and waits until their tickets are loaded. */
    void signIn(String displayName) throws Exception {
        Predicate<Node> cell = n ->
                n instanceof ListCell<?> c && c.getText() != null && c.getText().startsWith(displayName);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> lookup(cell).tryQuery().isPresent()));
        // Chosen through the list's selection, not a robot click on a row that a relayout may move.
        @SuppressWarnings("unchecked")
        ListView<User> users = lookup("#signInUserList").queryAs(ListView.class);
        interact(() -> users.getSelectionModel()
                .select(users.getItems().stream()
                        .filter(u -> u.displayName().equals(displayName))
                        .findFirst()
                        .orElseThrow()));
        clickOn("#signInButton");
        // loaded in full (not the first screenful), not empty, and theirs: read on the view model
        // and the status bar's id, never on display text
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> {
                    WorkbenchViewModel vm = app.workbench();
                    return vm != null
                            && vm.user().displayName().equals(displayName)
                            && !vm.loadingProperty().get()
                            && !vm.list().all().isEmpty()
                            && lookup("#statusBar").tryQuery().isPresent();
                }));
    }

    /**
     * A condition on the scene graph, read on the FX thread: read from the test's thread while the
     * window is rebuilt (sign-in replaces the whole scene), a lookup can walk a list being changed.
     */
    static boolean onFx(Callable<Boolean> condition) throws Exception {
        return fx(condition);
    }

    /** A value of the scene graph, read on the FX thread (as {@link #onFx}). */
    static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** The window as on an office PC's 1024 × 768 screen, less the taskbar. */
    void onAnOfficeScreen() {
        Stage stage = (Stage) lookup("#mainTabs").query().getScene().getWindow();
        interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(728);
        });
        // the window's new size reaches its scene a pulse or two later: measure nothing before
        try {
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> onFx(() -> stage.getScene().getWidth() <= 1024));
        } catch (TimeoutException e) {
            throw new AssertionError("the window did not take the office screen's size", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the page whose tab is {@code tabId}. */
    void openPage(String tabId) {
        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel()
                .select(tabs.getTabs().stream()
                        .filter(t -> tabId.equals(t.getId()))
                        .findFirst()
                        .orElseThrow()));
    }

    /**
     * Checks that no name or button on {@code page} is cut, at the usual 13 px and at 15 px (a PC set
     * to larger text; this headless font is also narrower than an office PC's).
     */
    void assertReadsWhole(Node page) throws Exception {
        assertReadsWhole(page, "13px", "15px");
    }

    /** The same, at the text sizes given. */
    void assertReadsWhole(Node page, String... sizes) throws Exception {
        for (String size : sizes) {
            interact(() -> {
                page.setStyle("-fx-font-size: " + size + ";");
                page.getScene().getRoot().applyCss();
                page.getScene().getRoot().layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of(), cutWords(page), size);
        }
    }

    /** The words of every label and button shown under {@code page} that were cut to "...". */
    static List<String> cutWords(Node page) throws Exception {
        return fx(() -> {
            List<String> cut = new ArrayList<>();
            Deque<Node> todo = new ArrayDeque<>(List.of(page));
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                if (!n.isVisible()) {
                    continue;
                }
                if (n instanceof Labeled l
                        && !(n instanceof TableCell<?, ?>) // a column's width is the person's to choose
                        && l.getText() != null
                        && l.lookup(".text") instanceof Text drawn
                        && !drawn.getText().equals(l.getText())) {
                    cut.add(l.getText() + " → " + drawn.getText());
                }
                if (n instanceof Parent p) {
                    todo.addAll(p.getChildrenUnmodifiable());
                }
            }
            return cut;
        });
    }

    @AfterEach
    void stopApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @SuppressWarnings("unchecked")
    TableView<Ticket> table() {
        return (TableView<Ticket>) lookup("#ticketTable").query();
    }

    /**
     * Stores the tests' water request (李四 of 大村, no water for three days) in the app's local
     * store as {@code by} opened it on {@code day}, as the new-ticket form would.
     */
    Ticket openWaterTicket(LocalDate day, User by) {
        try (LocalStore store = LocalStore.open(dataDir)) {
            Place township = DemoCounty.firstTownship();
            return store.tickets()
                    .insertOpened(
                            new TicketOpening(
                                            CatalogLoader.loadBuiltIn(),
                                            Clock.fixed(SampleGenerator.noon(day), ChinaTime.ZONE))
                                    .open(
                                            new TicketOpening.Request(
                                                    "drinking_water",
                                                    DemoCounty.COUNTY,
                                                    township,
                                                    new Place(township.code() + "201", "大村村委会"),
                                                    "李四",
                                                    "11010519491231002X",
                                                    "13812345678",
                                                    IntakeChannel.RAISED_BY_PROXY,
                                                    "邻居 王五",
                                                    Map.of("problem", "cut_off", "description", "停水三天")),
                                            by),
                            new TicketLineCodec(CatalogLoader.loadBuiltIn()));
        }
    }
}
