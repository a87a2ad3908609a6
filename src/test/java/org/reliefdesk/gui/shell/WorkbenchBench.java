package org.reliefdesk.gui.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.management.ObjectName;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.LastUser;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.User;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.TicketImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Benchmark (run with {@code mvn -Pbench verify}; not a test: it measures and asserts nothing).
 * A county of 100,000 tickets: app start until the sign-in screen is painted, sign-in until the
 * first layout pulse with rows in the table, and the work of one search keystroke (filtering
 * and laying out the table) against the same on an empty stage. Results in
 * {@code target/bench/workbench.txt}.
 */
class WorkbenchBench extends FxRobot {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchBench.class);
    private static final int COUNT = Integer.getInteger("bench.tickets", 100_000);
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    private static final Path DATA = Path.of("target", "bench", "data-" + COUNT);
    private static final List<String> REPORT = new ArrayList<>();
    /** How long the benchmark "person" looks at the sign-in list before choosing (-Dbench.signInPause=0: at once). */
    private static final long SIGN_IN_PAUSE_MS = Long.getLong("bench.signInPause", 3000);
    /** Saves made before the five timed ones, reported on their own. */
    private static final int COLD_SAVES = 3;

    private WorkbenchApp app;
    private final List<Double> filterOnly = new ArrayList<>();
    /** Keystrokes typing a text for the first time (no earlier result of the same text to show again). */
    private final List<Double> firstTyped = new ArrayList<>();

    private final List<Double> firstFiltered = new ArrayList<>();

    @BeforeAll
    static void county() throws IOException {
        Catalog catalog = CatalogLoader.loadBuiltIn();
        try (LocalStore store = LocalStore.open(DATA)) {
            if (store.tickets().count() == COUNT) {
                return;
            }
            long t0 = System.nanoTime();
            TicketLineCodec codec = new TicketLineCodec(catalog);
            String lines = new SampleGenerator(catalog)
                    .generate(SampleGenerator.DEFAULT_SEED, SampleGenerator.noon(AS_OF), COUNT).stream()
                            .map(codec::write)
                            .collect(Collectors.joining("\n"));
            new TicketImporter(store, codec, AS_OF).importLines(new BufferedReader(new StringReader(lines)), n -> {});
            LOG.info("Bench county of {} tickets prepared in {} s", COUNT, (System.nanoTime() - t0) / 1e9);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        write();
    }

    @Test
    void startSignInAndSearch() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        // Baseline: an empty stage with one text field, shown and laid out.
        TextField baselineField = new TextField();
        long[] shown = new long[1];
        long t0 = System.nanoTime();
        interact(() -> {
            stage.setScene(new Scene(new StackPane(baselineField), 1360, 820));
            stage.show();
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            shown[0] = System.nanoTime();
        });
        record("empty stage: show and lay out", ms(shown[0] - t0));
        List<Double> emptyKeys = keystrokes(baselineField, stage.getScene());
        record("empty stage: one keystroke, median (p95)", median(emptyKeys) + " (" + p95(emptyKeys) + ")");
        interact(stage::hide);

        for (User user : List.of(DemoUsers.LEADER, DemoUsers.WATER_CLERK)) {
            if (app != null) {
                // the next person's PC: the last app stopped and TestFX's record of its events
                // dropped, so the heap measured next is that person's alone
                FxToolkit.cleanupApplication(app);
                app = null;
                interact(FiredEventsReset::run);
            }
            run(user);
        }
    }

    /** Asks the FX thread every 10 ms for {@code forMs} and returns the longest it took to answer (ns). */
    private static long longestWait(long forMs) throws InterruptedException {
        long end = System.nanoTime() + forMs * 1_000_000;
        long longest = 0;
        while (System.nanoTime() < end) {
            CountDownLatch answered = new CountDownLatch(1);
            long asked = System.nanoTime();
            Platform.runLater(answered::countDown);
            answered.await();
            longest = Math.max(longest, System.nanoTime() - asked);
            Thread.sleep(10);
        }
        return longest;
    }

    /** The heap's largest classes (as {@code jcmd GC.class_histogram}), to see where the memory goes. */
    private static String histogram() throws Exception {
        String all = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {null},
                        new String[] {String[].class.getName()});
        return all.lines().limit(40).collect(Collectors.joining("\n"));
    }

    private void run(User user) throws Exception {
        Clock clock = Clock.fixed(SampleGenerator.noon(AS_OF), ChinaTime.ZONE);
        AppConfig config = new AppConfig(DATA, new Texts(Texts.CHINESE), clock, COUNT);
        // Each person at their own PC: the one who signed in there last, as most days.
        LastUser.remember(DATA, user.username());
        System.gc();
        long start = System.nanoTime();
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(config));
        WaitForAsyncUtils.waitFor(
                120,
                TimeUnit.SECONDS,
                () -> lookup("#signInUserList").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        record(user.username() + ": app start until sign-in is painted", ms(System.nanoTime() - start));

        Predicate<Node> cell = n ->
                n instanceof ListCell<?> c && c.getText() != null && c.getText().startsWith(user.displayName());
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> lookup(cell).tryQuery().isPresent());
        // A person takes a few seconds to find their name; the app reads ahead meanwhile, and a
        // key pressed then must not wait long.
        record(
                user.username() + ": while the sign-in list shows (" + SIGN_IN_PAUSE_MS
                        + " ms), the longest a key press waits for the FX thread",
                ms(longestWait(SIGN_IN_PAUSE_MS)));
        clickOn((Node) lookup(cell).query());
        Scene scene = lookup("#signInButton").query().getScene();
        long[] painted = {0};
        int[] rowsAtPaint = {0};
        Runnable[] listener = new Runnable[1];
        long[] itemsAt = {0};
        listener[0] = () -> {
            Node table = scene.lookup("#ticketTable");
            if (itemsAt[0] == 0
                    && table instanceof TableView<?> tv
                    && !tv.getItems().isEmpty()) {
                itemsAt[0] = System.nanoTime();
            }
            if (painted[0] == 0
                    && table instanceof TableView<?> t
                    && !t.getItems().isEmpty()
                    && !scene.getRoot().lookupAll(".table-row-cell").isEmpty()) {
                painted[0] = System.nanoTime();
                rowsAtPaint[0] = t.getItems().size();
            }
        };
        interact(() -> scene.addPostLayoutPulseListener(listener[0]));
        long click = System.nanoTime();
        interact(() -> lookup("#signInButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> painted[0] != 0);
        interact(() -> scene.removePostLayoutPulseListener(listener[0]));
        @SuppressWarnings("unchecked")
        TableView<Ticket> table = (TableView<Ticket>) lookup("#ticketTable").query();
        record(
                user.username() + ": sign-in until the queue is first painted (" + rowsAtPaint[0] + " rows)",
                ms(painted[0] - click));
        LOG.info(
                "BENCH-DETAIL {}: first pulse with rows in the list at {} ms, with row cells at {} ms",
                user.username(),
                (itemsAt[0] - click) / 1_000_000,
                (painted[0] - click) / 1_000_000);
        WaitForAsyncUtils.waitFor(
                180,
                TimeUnit.SECONDS,
                () -> !lookup("#refreshButton").queryButton().isDisabled());
        record(
                user.username() + ": sign-in until every ticket and the queue counts are loaded ("
                        + table.getItems().size() + " tickets)",
                ms(System.nanoTime() - click));
        // TestFX's record of the robot's events holds the nodes they went to, and through them an
        // earlier app's workbench: dropped, so the heap is this person's
        interact(FiredEventsReset::run);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        record(
                user.username() + ": heap in use after loading",
                (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024) + " MB");
        if (Boolean.getBoolean("bench.histogram")) {
            LOG.info("BENCH-HISTOGRAM {}:\n{}", user.username(), histogram());
        }

        if (user.role() == Role.CLERK) {
            measureSaves(user, table);
        }

        TextField search = lookup("#searchField").queryAs(TextField.class);
        filterOnly.clear();
        firstTyped.clear();
        firstFiltered.clear();
        List<Double> keys = keystrokes(search, scene);
        record(
                user.username() + ": one search keystroke over "
                        + table.getItems().size() + " shown tickets, median (p95)",
                median(keys) + " (" + p95(keys) + ")");
        record(
                user.username() + ": of that, setting the text and filtering (before layout), median",
                median(List.copyOf(filterOnly)));
        record(
                user.username() + ": keystrokes typing a text the first time (no earlier result), median (p95)",
                median(List.copyOf(firstTyped)) + " (" + p95(List.copyOf(firstTyped)) + ")");
        record(
                user.username() + ": of that, setting the text and filtering (before layout), median",
                median(List.copyOf(firstFiltered)));

        FxToolkit.cleanupApplication(app);
        app = null;
    }

    /**
     * A clerk accepts {@value #COLD_SAVES} new tickets (timed apart: the JVM compiles the save's
     * code meanwhile), then five more, one after the other: from the save's answer (the store has
     * committed) to the row showing the ticket's new step, and from the click to it. Only the saved
     * ticket is read again; a whole reload of the scope is timed beside it for comparison.
     */
    private void measureSaves(User user, TableView<Ticket> table) throws Exception {
        WorkbenchViewModel vm = app.workbench();
        ActionDef accept = vm.catalog().workflowOf("drinking_water").actions().stream()
                .filter(a -> a.code().equals("accept"))
                .findFirst()
                .orElseThrow();
        List<Double> afterCommit = new ArrayList<>();
        List<Double> fromClick = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        for (int i = 0; i < COLD_SAVES + 5; i++) {
            // a new ticket this clerk may accept now (dispatched, in the water department's acceptance step)
            Ticket ticket = null;
            for (Ticket candidate : vm.list().all()) {
                if (!candidate.currentStep().equals("acceptance") || candidate.dispatchedAt() == null) {
                    continue;
                }
                interact(() -> vm.selected().ticketProperty().set(candidate));
                WaitForAsyncUtils.waitFor(
                        20, TimeUnit.SECONDS, () -> !vm.selected().choices().isEmpty());
                if (vm.selected().choices().stream()
                        .anyMatch(c -> c.action().code().equals("accept") && c.refusal() == null)) {
                    ticket = candidate;
                    break;
                }
            }
            Ticket chosen = Objects.requireNonNull(ticket, "no ticket to accept");
            long[] answered = {0};
            long[] shown = {0};
            ChangeListener<String> said = (o, a, b) -> answered[0] = System.nanoTime();
            ListChangeListener<Ticket> rows = c -> {
                if (shown[0] == 0
                        && table.getItems().stream()
                                .anyMatch(t -> t.id().equals(chosen.id())
                                        && t.currentStep().equals("verification"))) {
                    shown[0] = System.nanoTime();
                }
            };
            interact(() -> {
                vm.messageProperty().addListener(said);
                table.getItems().addListener(rows);
            });
            long click = System.nanoTime();
            interact(() -> vm.act(accept, Map.of("station", "屏山水务站"), ""));
            try {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shown[0] != 0);
            } catch (TimeoutException e) {
                throw new IllegalStateException(
                        "the saved row did not show; the status line says: "
                                + vm.messageProperty().get(),
                        e);
            }
            interact(() -> {
                vm.messageProperty().removeListener(said);
                table.getItems().removeListener(rows);
            });
            if (i < COLD_SAVES) {
                cold.add((shown[0] - answered[0]) / 1e6);
                continue;
            }
            afterCommit.add((shown[0] - answered[0]) / 1e6);
            fromClick.add((shown[0] - click) / 1e6);
        }
        record(
                user.username() + ": the first " + COLD_SAVES
                        + " saves of the session (code not yet compiled), store's answer to row",
                cold.stream().map(d -> String.format(Locale.ROOT, "%.1f", d)).collect(Collectors.joining(" / "))
                        + " ms");
        record(
                user.username() + ": a save, from the store's answer to the row updated, median (max)",
                median(afterCommit) + " ("
                        + String.format(
                                Locale.ROOT,
                                "%.1f ms",
                                afterCommit.stream().mapToDouble(d -> d).max().orElse(0))
                        + ")");
        record(user.username() + ": a save, from the click to the row updated, median", median(fromClick));
        long reload = System.nanoTime();
        interact(vm::reload);
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> !vm.loadingProperty().get());
        record(
                user.username() + ": for comparison, reading the whole scope again (what every save did before)",
                ms(System.nanoTime() - reload));
    }

    /**
     * Types a ticket-number prefix and a name one character at a time, then deletes them again;
     * each keystroke is timed from setting the text to the scene laid out again (the work a
     * keystroke costs on the FX thread, without waiting for the next pulse).
     */
    private List<Double> keystrokes(TextField field, Scene scene) {
        List<Double> times = new ArrayList<>();
        for (String word : List.of("530128202611", "李")) {
            for (int round = 0; round < 2; round++) {
                List<String> steps = new ArrayList<>();
                for (int i = 1; i <= word.length(); i++) {
                    steps.add(word.substring(0, i));
                }
                List<String> back = new ArrayList<>(steps);
                Collections.reverse(back);
                steps.addAll(back.subList(1, back.size()));
                steps.add("");
                for (int k = 0; k < steps.size(); k++) {
                    String text = steps.get(k);
                    boolean fresh = round == 0 && k < word.length();
                    double[] took = new double[2];
                    interact(() -> {
                        long t = System.nanoTime();
                        field.setText(text);
                        long filtered = System.nanoTime();
                        scene.getRoot().applyCss();
                        scene.getRoot().layout();
                        took[0] = (System.nanoTime() - t) / 1e6;
                        took[1] = (filtered - t) / 1e6;
                    });
                    times.add(took[0]);
                    filterOnly.add(took[1]);
                    if (fresh) {
                        firstTyped.add(took[0]);
                        firstFiltered.add(took[1]);
                    }
                }
            }
        }
        return times;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    private static String median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return String.format(Locale.ROOT, "%.1f ms", s.get(s.size() / 2));
    }

    private static String p95(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return String.format(Locale.ROOT, "%.1f ms", s.get((int) Math.min(s.size() - 1, Math.round(s.size() * 0.95))));
    }

    private static void record(String what, String value) {
        String line = what + ": " + value;
        LOG.info("BENCH {}", line);
        REPORT.add(line);
    }

    private static void write() throws IOException {
        Files.createDirectories(Path.of("target", "bench"));
        List<String> out = new ArrayList<>();
        out.add("ReliefDesk workbench benchmark, " + COUNT + " tickets, sign-in " + SIGN_IN_PAUSE_MS
                + " ms after the list shows, " + LocalDateTime.now()
                + ", JDK " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors()
                + " cores, headless Monocle + software rendering");
        out.addAll(REPORT);
        Files.write(Path.of("target", "bench", "workbench.txt"), out);
    }
}
