package org.reliefdesk.gui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.reliefdesk.gui.common.FxUiTasks;
import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.DemoBootstrap;
import org.reliefdesk.gui.session.LastUser;
import org.reliefdesk.gui.session.ScopeReadAhead;
import org.reliefdesk.gui.session.UnlockViewModel;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.gui.settings.FirstRunPage;
import org.reliefdesk.gui.signin.SignInView;
import org.reliefdesk.gui.signin.SignInViewModel;
import org.reliefdesk.gui.signin.SignInViewModel.SignedIn;
import org.reliefdesk.gui.sync.SyncViewModel;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.config.Settings;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.User;
import org.reliefdesk.store.LocalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench window. One stage moves through three scenes: preparing the data (off the
 * FX thread, with progress), choosing who signs in, and the workbench itself.
 */
public final class WorkbenchApp extends Application {

    /** How often the workbench reloads by itself (new tickets, clocks moving on). */
    static final java.time.Duration AUTO_REFRESH = java.time.Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

    /** The saved settings Main read (JavaFX makes the instance itself, so they travel this way). */
    private static volatile Optional<Settings> launchSettings = Optional.empty();

    /** What the process exits with (the smoke test sets it; a normal close is 0). */
    private static volatile int exitCode;

    private AppConfig config;
    private Workspace workspace;
    private Stage stage;
    /** The one owner of the GUI's threads; every view model of this window gets it. */
    private final UiTasks tasks = new FxUiTasks();

    /** The signed-in user's sync, stopped when they leave or the app closes. */
    private SyncViewModel currentSync;

    /** The signed-in user's workbench, whose periodic reload stops with the app. */
    private WorkbenchViewModel current;
    /** An automatic backup that failed while nobody was signed in, said when a workbench shows. */
    private MissedBackups missedBackups;
    /** Who signed in last on this PC (read at start, then the last sign-in here), or null. */
    private volatile String lastUser;

    /** Used by {@link Application#launch}: the config comes from the command line. */
    public WorkbenchApp() {}

    /** Used by tests: a given data directory, language and clock. */
    public WorkbenchApp(AppConfig config) {
        this.config = config;
    }

    /** @param saved the settings Main read before logging started (read once, used for the window too) */
    public static void launchWith(String[] args, Optional<Settings> saved) {
        launchSettings = saved;
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage primaryStage) {
        if (config == null) {
            config = AppConfig.fromArgs(getParameters().getRaw(), launchSettings);
        }
        this.stage = primaryStage;
        Texts texts = config.texts();
        CrashDialog.install(config, tasks, () -> stage, () -> {
            exitCode = 1;
            Platform.exit();
        });
        // JavaFX's own texts (date pickers, context menus, dialog buttons) follow the default
        // locale: make it the user's language, not the machine's.
        Locale.setDefault(texts.locale());
        stage.setTitle(texts.msg("app.title"));
        // The same "救" as the installer's icon, in the task bar and the window corner.
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = WorkbenchApp.class.getResourceAsStream("/org/reliefdesk/gui/icons/reliefdesk-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        }
        // 1360×820 where it fits; smaller screens (1366×768 laptops) get most of what they have.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(
                new StackPane(), Math.min(1360, screen.getWidth() * 0.95), Math.min(820, screen.getHeight() * 0.92)));
        stage.show();
        if (config.firstRun()) {
            showFirstRun();
            return;
        }
        prepareWorkspace();
    }

    /** The first start on a PC: where the data goes and which central store; saved, then on as usual. */
    private void showFirstRun() {
        Texts texts = config.texts();
        Path file = Settings.file();
        stage.getScene().setRoot(FirstRunPage.of(texts, s -> {
            try {
                s.save(file);
            } catch (IOException ex) {
                fail(texts.msg("startup.failed", file), ex);
                return;
            }
            config = config.withSettings(s);
            Locale.setDefault(config.texts().locale());
            prepareWorkspace();
        }));
    }

    /** Opens the local store and prepares the data (off the FX thread, with progress), then the sign-in. */
    private void prepareWorkspace() {
        Texts texts = config.texts();
        StartupView startup = new StartupView(texts);
        stage.getScene().setRoot(startup.root());
        Catalog catalog;
        try {
            catalog = CatalogLoader.loadBuiltIn();
        } catch (RuntimeException e) {
            fail(texts.msg("startup.catalogFailed"), e);
            return;
        }
        startup.show(-1, texts.msg("startup.openingStore", config.dataDir()));
        tasks.run(
                UiTasks.Lane.STORE,
                progress -> {
                    LocalStore store = LocalStore.open(config.dataDir());
                    store.prepareMapping(); // the workbench's screens need it soon; headless commands do not
                    workspace = new Workspace(config, catalog, store, tasks);
                    progress.update(-1, texts.msg("startup.loadingSample"));
                    workspace.prepare(f -> progress.update(f, null));
                    lastUser = LastUser.read(config.dataDir()).orElse(null);
                    return store.users().list();
                },
                known -> {
                    missedBackups = new MissedBackups(config.texts(), config.backupDir());
                    workspace.startBackups(e -> missedBackups.missed(e, current));
                    if (config.smokeTest()) {
                        smokeTest();
                        return;
                    }
                    showSignIn(known);
                    workspace.readAheadFor(known, lastUser, WorkbenchViewModel.FIRST_SCREEN);
                    ScopeReadAhead.likelyUser(known, lastUser)
                            .ifPresent(likely -> tasks.afterNextFrame(() -> {
                                if (current == null) {
                                    Rehearsal.of(workspace, likely, stage.getScene(), tasks, () -> current == null);
                                }
                            }));
                },
                error -> fail(StartupFailure.storeNotOpened(texts, config.dataDir(), error), error),
                startup::show);
    }

    private void showSignIn(List<User> users) {
        boolean embedded = config.central().mode() == AppConfig.Central.Mode.EMBEDDED;
        SignInView signIn = config.central().mode() == AppConfig.Central.Mode.REMOTE
                ? SignInView.county(workspace, this::signInRemote, lastUser)
                : new SignInView(
                        config.texts(),
                        workspace.catalog,
                        workspace.places(),
                        users,
                        u -> {
                            if (embedded && !DemoBootstrap.isDemoUser(u)) {
                                // Added by the administrator on the demo store, with a password of their own.
                                stage.getScene()
                                        .setRoot(new SignInView(
                                                        config.texts(),
                                                        workspace.centralUrl(),
                                                        this::signInRemote,
                                                        u.username(),
                                                        this::backToSignIn,
                                                        null)
                                                .root());
                            } else {
                                showWorkbench(new SignedIn(u, DemoBootstrap.demoPassword(), null));
                            }
                        },
                        embedded ? "signIn.hintEmbedded" : "signIn.hint",
                        lastUser);
        stage.getScene().setRoot(signIn.root());
    }

    /** Signs in at the central store (or offline, as last accepted); the workbench opens when it is done. */
    private void signInRemote(String username, char[] password, Consumer<String> onError) {
        new SignInViewModel(workspace).signIn(username, password, this::showWorkbench, onError);
    }

    /**
     * Back to the sign-in list, read again off the FX thread (the administrator may have added
     * someone) — on the jobs lane, not behind a county's load still running on the store's.
     */
    private void backToSignIn() {
        tasks.run(
                UiTasks.Lane.JOB,
                progress -> workspace.store.users().list(),
                this::showSignIn,
                error -> fail(config.texts().msg("signin.listFailed"), error));
    }

    private void showWorkbench(SignedIn signedIn) {
        User user = signedIn.user();
        if (current != null) {
            current.stopAutoRefresh();
        }
        if (currentSync != null) {
            currentSync.stop();
        }
        // the read ahead pauses while the workbench is built and its first screen drawn
        workspace.readAhead().hold();
        WorkbenchViewModel vm = new WorkbenchViewModel(workspace, user);
        current = vm;
        lastUser = user.username();
        tasks.run(
                UiTasks.Lane.HOUSEKEEPING,
                progress -> LastUser.remember(config.dataDir(), user.username()),
                done -> {},
                error -> LOG.warn("Could not remember the last user", error));
        SyncViewModel sync =
                new SyncViewModel(workspace, user, signedIn.password(), vm::synced).signedIn(signedIn.session());
        currentSync = sync;
        // A saved action or a new ticket waits in the outbox: the status bar's count follows every
        // list shown, a whole load's and the one ticket a saved action reads again (no load).
        vm.snapshotProperty().addListener((o, was, now) -> sync.refreshCounts());
        // Start reading before the view is built: both take time, and the view shows what arrives.
        vm.reload();
        missedBackups.showOn(vm);
        long building = System.nanoTime();
        IdleLock[] lock = new IdleLock[1];
        Runnable signOut = () -> {
            // Offices share PCs: back to the sign-in choice, nothing of this user's view kept.
            lock[0].stop();
            vm.stopAutoRefresh();
            sync.stop();
            current = null;
            currentSync = null;
            stage.setTitle(config.texts().msg("app.title"));
            backToSignIn();
        };
        lock[0] = new IdleLock(
                stage, config.idleLock(), new UnlockViewModel(workspace, user), config.texts(), tasks, signOut);
        MainWindow view = new MainWindow(vm, sync, config.texts(), workspace.catalog, signOut);
        stage.getScene().setRoot(view.root());
        lock[0].start();
        LOG.info("Workbench of {} built in {} ms", user.username(), (System.nanoTime() - building) / 1_000_000);
        stage.setTitle(config.texts().msg("app.titleWithUser", user.displayName()));
        vm.startAutoRefresh(AUTO_REFRESH);
        sync.start();
    }

    /** The signed-in user's workbench (the benchmark measures a save through it). */
    WorkbenchViewModel workbench() {
        return current;
    }

    /** What the app works on, once prepared (tests reach the store and the embedded central store here). */
    Workspace workspace() {
        return workspace;
    }

    public static int exitCode() {
        return exitCode;
    }

    /**
     * {@code --smoke-test}: the leader signs in on the embedded default, the county arrives by sync
     * and fills the workbench; then the app exits 0 (see {@link SmokeTest}).
     */
    private void smokeTest() {
        exitCode = 1;
        showWorkbench(new SignedIn(DemoBootstrap.smokeTestUser(), DemoBootstrap.demoPassword(), null));
        SmokeTest.watch(() -> current, stage, config.dataDir(), passed -> {
            exitCode = passed ? 0 : 1;
            Platform.exit();
        });
    }

    /** Says why the workbench cannot go on ({@link StartupFailure}) and ends it. */
    private void fail(String message, Throwable error) {
        String said = StartupFailure.text(config.texts(), config.dataDir(), message, error);
        if (config.smokeTest()) {
            exitCode = 1;
            Platform.exit();
            return;
        }
        Alert alert = new Alert(
                Alert.AlertType.ERROR,
                said,
                new ButtonType(config.texts().msg("dialog.ok"), ButtonBar.ButtonData.OK_DONE));
        alert.setHeaderText(config.texts().msg("startup.errorHeader"));
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (current != null) {
            current.stopAutoRefresh();
        }
        if (currentSync != null) {
            currentSync.stop();
        }
        tasks.close();
        // This window's error dialog goes with it (tests start several apps in one JVM).
        CrashDialog.uninstall();
        if (workspace != null) {
            workspace.close();
        }
    }
}
