package org.reliefdesk.gui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.clock.StepState;
import org.reliefdesk.logic.clock.StepTiming;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workbench as a clerk uses it, headless (Monocle), on a fresh data directory. */
class WorkbenchGuiTest extends GuiTestBase {

    private static final LocalDate AS_OF = LocalDate.of(2021, 11, 23);

    private void startAt(LocalDate day) throws Exception {
        startApp(day, 600);
    }

    private void signInAsWaterClerk() throws Exception {
        signInAs(DemoUsers.WATER_CLERK.displayName());
    }

    private void signInAs(String displayName) throws Exception {
        signIn(displayName);
    }

    @SuppressWarnings("unchecked")
    private TableView<Ticket> ticketTable() {
        return (TableView<Ticket>) lookup("#ticketTable").query();
    }

    @Test
    void waterClerkSeesOnlyWaterTicketsSearchesAndReadsHistory() throws Exception {
        startAt(AS_OF);
        signInAsWaterClerk();

        // Only water tickets of the demo county, and all of them.
        List<Ticket> shown = List.copyOf(ticketTable().getItems());
        assertTrue(shown.stream().allMatch(t -> t.itemCode().equals("drinking_water")));
        assertTrue(shown.stream().allMatch(t -> t.county().code().equals("530128")));
        long waterInSample = new SampleGenerator(CatalogLoader.loadBuiltIn())
                .generate(SampleGenerator.DEFAULT_SEED, AS_OF, 600).stream()
                        .filter(h -> h.ticket().itemCode().equals("drinking_water"))
                        .count();
        assertEquals(waterInSample, shown.size());
        Label count = lookup("#ticketCount").queryAs(Label.class);
        assertTrue(count.getText().contains("共 " + shown.size() + " 件"), count.getText());

        // Search by the last six characters of one applicant's ID number narrows the table.
        Ticket target = shown.get(shown.size() / 2);
        String suffix = target.applicant().idNumber().substring(12);
        clickOn("#searchField").write(suffix);
        WaitForAsyncUtils.waitForFxEvents();
        List<Ticket> found = List.copyOf(ticketTable().getItems());
        assertTrue(found.size() < shown.size());
        assertTrue(found.contains(target));
        assertTrue(found.stream().allMatch(t -> t.applicant().idNumber().endsWith(suffix)));

        // Selecting a row shows its fields and its history.
        Node row = lookup(n -> n instanceof TableRow<?> r && target.equals(r.getItem()))
                .query();
        clickOn(row);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> !eventTable().getItems().isEmpty()));
        assertEquals("submit", eventTable().getItems().get(0).action());
        assertTrue(eventTable().getItems().stream().allMatch(e -> e.ticketId().equals(target.id())));
        List<String> fieldTexts =
                from(lookup("#ticketFields").queryAll()).lookup(".label").queryAllAs(Label.class).stream()
                        .map(Label::getText)
                        .toList();
        assertTrue(fieldTexts.contains(target.ticketNo()), fieldTexts.toString());
        assertTrue(fieldTexts.contains(target.applicant().maskedIdNumber()), fieldTexts.toString());
        assertFalse(fieldTexts.contains(target.applicant().idNumber()), "ID must be masked");
    }

    @Test
    void overdueQueueShowsOverdueTicketsAndTheirTimeline() throws Exception {
        startAt(AS_OF);
        signInAs(DemoUsers.LEADER.displayName()); // the whole county: every item's clocks
        interact(() ->
                lookup("#mainTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        Node overdueQueue = lookup(n -> n instanceof ListCell<?> c
                        && c.getText() != null
                        && c.getText().startsWith("环节超期"))
                .query();
        String label = ((ListCell<?>) overdueQueue).getText();
        @SuppressWarnings("unchecked")
        ListView<Queue> queues = lookup("#queueList").queryAs(ListView.class);
        interact(() -> queues.getSelectionModel().select(Queue.STEP_OVERDUE));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Ticket> table = ticketTable();
        int shown = table.getItems().size();
        assertTrue(shown > 0, label);
        assertEquals("环节超期（" + shown + "）", label);
        @SuppressWarnings("unchecked")
        TableColumn<Ticket, ?> ladder = (TableColumn<Ticket, ?>) table.getColumns().stream()
                .filter(c -> "column.ladder".equals(c.getId()))
                .findFirst()
                .orElseThrow();
        for (int i = 0; i < shown; i++) {
            assertEquals("环节超期", ladder.getCellData(i));
        }
        clickOn((Node) lookup(n ->
                        n instanceof TableRow<?> r && table.getItems().get(0).equals(r.getItem()))
                .query());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<StepTiming> timeline =
                (TableView<StepTiming>) lookup("#timelineTable").query();
        assertTrue(
                timeline.getItems().stream().anyMatch(s -> s.state() == StepState.OVERDUE),
                timeline.getItems().toString());
        assertTrue(lookup("#ladderLine").queryAs(Label.class).getText().startsWith("环节超期（自 "));
        assertFalse(lookup("#calendarWarning").queryAs(Label.class).isVisible());
    }

    @Test
    void aTicketInAYearWithoutCalendarDataShowsTheWarning() throws Exception {
        startAt(LocalDate.of(2027, 6, 15)); // the shipped calendar ends with 2026
        signInAsWaterClerk();
        // A ticket in a step limited in working days (hour limits do not depend on the calendar).
        Ticket open = ticketTable().getItems().stream()
                .filter(t -> t.currentStep().equals("verification")
                        || t.currentStep().equals("solving"))
                .findFirst()
                .orElseThrow();
        clickOn((Node) lookup(n -> n instanceof TableRow<?> r && open.equals(r.getItem()))
                .query());
        WaitForAsyncUtils.waitForFxEvents();
        Label warning = lookup("#calendarWarning").queryAs(Label.class);
        assertTrue(warning.isVisible());
        assertTrue(warning.getText().contains("周一至周五估算"), warning.getText());

        // The administrator adds 2027; the next refresh recomputes every clock and the warning goes.
        Path file = dataDir.resolve("2027-input.json");
        Files.writeString(file, """
                {"formatVersion":1,"year":2027,"notice":{"title":"国务院办公厅关于2027年部分节假日安排的通知","issued":"2026-11-01"},
                 "offDays":[{"from":"2027-10-01","to":"2027-10-07"}],"makeUpWorkingDays":[]}""");
        CalendarLoader.install(file, dataDir);
        type(KeyCode.F5); // 刷新
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(
                        () -> !lookup("#calendarWarning").queryAs(Label.class).isVisible()));
        assertEquals(
                open.id(),
                ((Ticket) lookup("#ticketTable")
                                .queryAs(TableView.class)
                                .getSelectionModel()
                                .getSelectedItem())
                        .id());
    }

    /**
     * In a 1024 px window the time-limit column, what clerks sort by first, shows whole without
     * scrolling the table sideways, in either language (in English the step's wider header pushed
     * it out of sight when it came after the step); and the queue names with their counts show
     * whole (185 px cut "Follow-up visit overdue (15" in English).
     */
    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void onAnOfficePcsScreenTheTimeLimitColumnAndTheQueueNamesShowWhole(String lang) throws Exception {
        language = "en".equals(lang) ? Locale.ENGLISH : Texts.CHINESE;
        startAt(AS_OF);
        signInAs(DemoUsers.CIVIL_CLERK.displayName());
        Stage stage = (Stage) lookup("#ticketTable").query().getScene().getWindow();
        interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(728);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Ticket> table = ticketTable();
        // the rows' visible area: the table less its scroll bar
        Node rows = fx(() -> table.lookup(".clipped-container"));
        Bounds shown = fx(() -> rows.localToScene(rows.getLayoutBounds()));
        Node header = fx(() -> table.lookupAll(".column-header").stream()
                .filter(n -> n.getId() != null && n.getId().equals("column.ladder"))
                .findFirst()
                .orElseThrow());
        Bounds ladder = fx(() -> header.localToScene(header.getLayoutBounds()));
        assertTrue(
                ladder.getMinX() >= shown.getMinX() && ladder.getMaxX() <= shown.getMaxX(),
                lang + ": the time-limit header at " + ladder + ", the table at " + shown);
        // and the queues' names with their counts are read whole, without scrolling their list
        // sideways; with a larger font too (a PC set to larger text), where a long name wraps in its
        // cell ("Follow-up visit overdue (15" was cut at the list's edge in English)
        ListView<?> queues = lookup("#queueList").queryAs(ListView.class);
        for (String size : List.of("13px", "17px")) {
            interact(() -> queues.setStyle("-fx-font-size: " + size + ";"));
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(
                    fx(() -> queues.lookupAll(".scroll-bar").stream()
                            .anyMatch(n -> n instanceof ScrollBar b
                                    && b.getOrientation() == Orientation.HORIZONTAL
                                    && b.isVisible())),
                    lang + ", " + size + ": the queue list scrolls sideways to show its names");
            for (Node n : lookup("#queueList .list-cell").queryAll()) {
                ListCell<?> cell = (ListCell<?>) n;
                if (cell.getText() != null) {
                    Text drawn = (Text) fx(() -> cell.lookup(".text"));
                    assertEquals(cell.getText(), drawn.getText(), lang + ", " + size + ": a queue's name is cut");
                }
            }
        }
    }

    /**
     * In English on an office PC's screen, the detail pane drawn narrow, a ticket's number stays on
     * one line: it was broken as "53012820261129005" over "7" beside its long English name; now
     * each value goes under its name when the pane is that narrow.
     */
    @Test
    void onAnOfficePcsScreenInEnglishATicketNumberIsNotBroken() throws Exception {
        language = Locale.ENGLISH;
        startAt(AS_OF);
        signInAsWaterClerk();
        onAnOfficeScreen();
        // and the person drew the divider to the right, leaving the details 260 px
        SplitPane split = (SplitPane) lookup((Node n) -> n instanceof SplitPane).query();
        interact(() -> split.setDividerPositions(1 - 260 / split.getWidth()));
        Ticket first = ticketTable().getItems().get(0);
        interact(() -> ticketTable().getSelectionModel().select(first));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup((Node n) ->
                                n instanceof Label l && first.ticketNo().equals(l.getText()))
                        .tryQuery()
                        .isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        Label number = lookup(
                        (Node n) -> n instanceof Label l && first.ticketNo().equals(l.getText()))
                .queryAs(Label.class);
        Text line = new Text("0");
        line.setFont(number.getFont());
        double oneLine = line.getLayoutBounds().getHeight();
        assertTrue(
                number.getHeight() < 1.6 * oneLine,
                "the ticket number is " + number.getHeight() + " px high, a line " + oneLine + ": broken");
    }

    @Test
    void onAnOfficePcsScreenAConcludedTicketsStepsAndHistoryAreReadWithoutScrollingSideways() throws Exception {
        startAt(AS_OF);
        signInAsWaterClerk();
        Stage stage = (Stage) lookup("#ticketTable").query().getScene().getWindow();
        interact(
                () -> { // an office PC's screen: the detail pane is about 290 px wide
                    stage.setWidth(1024);
                    stage.setHeight(728);
                });
        Ticket concluded = ticketTable().getItems().stream()
                .filter(t -> t.concludedAt() != null
                        && app.workspace().store.tickets().events(t.id()).size() >= 5)
                .findFirst()
                .orElseThrow();
        interact(() -> {
            ticketTable().getSelectionModel().select(concluded);
            ticketTable().scrollTo(concluded);
        });
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> eventTable().getItems().size() >= 5));
        WaitForAsyncUtils.waitForFxEvents();
        for (String table : List.of("#eventTable", "#timelineTable")) {
            List<ScrollBar> sideways = from(lookup(table).queryAll())
                    .lookup((Node n) ->
                            n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible())
                    .queryAllAs(ScrollBar.class)
                    .stream()
                    .toList();
            assertEquals(List.of(), sideways, table + " scrolls sideways at 1024 px");
        }
        // every entry says when, what and who, then what its form said: the submission's complaint
        List<String> entries = from(lookup("#eventTable").queryAll())
                .lookup((Node n) -> n instanceof TableCell<?, ?> c && !c.isEmpty() && c.getGraphic() instanceof Text)
                .queryAll()
                .stream()
                .map(n -> ((Text) ((TableCell<?, ?>) n).getGraphic()).getText())
                .toList();
        assertFalse(entries.isEmpty());
        assertTrue(entries.get(0).contains("提交诉求"), entries.get(0));
        assertTrue(entries.get(0).split("\n").length >= 3, "the complaint under its entry: " + entries.get(0));
        // a limit is its day over its hour when the column is narrow, never "… 24:" over "00"
        List<String> lines = from(lookup("#timelineTable").queryAll())
                .lookup((Node n) -> n instanceof TableCell<?, ?> c && !c.isEmpty() && c.getGraphic() instanceof Text)
                .queryAll()
                .stream()
                .flatMap(n -> Arrays.stream(
                        ((Text) ((TableCell<?, ?>) n).getGraphic()).getText().split("\n")))
                .toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2})?")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.endsWith(":") || l.matches("\\d{2}")), lines.toString());
    }

    @SuppressWarnings("unchecked")
    private TableView<TicketEvent> eventTable() {
        return (TableView<TicketEvent>) lookup("#eventTable").query();
    }
}
