package org.reliefdesk.gui.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Pagination;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.reports.NoticeDesk;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.Ticket;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A leader makes the supervision notices, looks at the pages and saves them; a clerk exports a queue. */
class ReportsGuiTest extends GuiTestBase {

    private static final LocalDate DAY = LocalDate.of(2021, 11, 23);

    @TempDir
    Path out;

    private final List<String> asked = new CopyOnWriteArrayList<>();

    private void saveInto() {
        saver = (owner, name, extension) -> {
            asked.add(name);
            return Optional.of(out.resolve("saved-" + asked.size() + "." + extension));
        };
    }

    /** Types {@code text} over the date field's text, leaves it by Tab, and waits for the error beside it to read {@code error}. */
    private void typeDate(DatePicker date, String text, String error) throws Exception {
        interact(() -> {
            date.getEditor().requestFocus();
            date.getEditor().selectAll();
        });
        write(text);
        push(KeyCode.TAB);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> error.equals(
                        lookup("#reportDateError").queryAs(Label.class).getText())));
    }

    /**
     * Waits until the report's pager (its page buttons and "n/m") exists, a new one being made for
     * each report, and is shown or hidden as {@code shown} says.
     */
    private void awaitPager(boolean shown) throws Exception {
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> {
                    Node pager = lookup("#reportPages").query().lookup(".pagination-control");
                    return pager != null && pager.isVisible() == shown;
                }));
    }

    @Test
    void aLeaderMakesPreviewsAndSavesTheNotices() throws Exception {
        saveInto();
        startApp(DAY, 600);
        signIn(DemoUsers.LEADER.displayName());
        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel()
                .select(tabs.getTabs().stream()
                        .filter(t -> "reportsTab".equals(t.getId()))
                        .findFirst()
                        .orElseThrow()));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> !lookup("#makeReportButton").queryButton().isDisabled()));

        // before any report: the hint, and no pager reading "1/1" under it
        awaitPager(false);

        // a date after today is refused beside the field, and nothing can be made
        DatePicker date = lookup("#reportDate").queryAs(DatePicker.class);
        interact(() -> date.setValue(DAY.plusDays(1)));
        assertEquals(
                "统计日期：2021-11-24 晚于今天（2021-11-23），请选择今天或以前的日期",
                lookup("#reportDateError").queryAs(Label.class).getText());
        assertTrue(lookup("#makeReportButton").queryButton().isDisabled());
        interact(() -> date.setValue(DAY));

        // a date typed wrong is named with the rule, and stays in the field to be mended
        typeDate(date, "2026-13-45", "统计日期：必须是日期，如 2024-10-01");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> "2026-13-45".equals(date.getEditor().getText())));
        assertTrue(lookup("#makeReportButton").queryButton().isDisabled());
        typeDate(date, "2021/11/23", "");
        assertEquals(DAY, date.getValue());
        assertEquals("2021-11-23", date.getEditor().getText());

        clickOn("#makeReportButton");
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> onFx(() ->
                        lookup("#reportMessage").queryAs(Label.class).getText().startsWith("已生成")));
        // the report's overdue tickets are exactly the workbench's "step overdue" + "supervised" queues
        String made = lookup("#reportMessage").queryAs(Label.class).getText();
        int reported = Integer.parseInt(made.replaceAll("^已生成：超期工单 (\\d+) 件.*$", "$1"));
        assertEquals(queueCount("环节超期（") + queueCount("督办·"), reported, made);
        Pagination pages = lookup("#reportPages").queryAs(Pagination.class);
        assertTrue(pages.getPageCount() >= 2, "notices of several departments: " + pages.getPageCount());
        awaitPager(true);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#reportPage").tryQuery().isPresent()));
        Image first = lookup("#reportPage").queryAs(ImageView.class).getImage();
        assertTrue(
                first.getWidth() > 700 && first.getHeight() > first.getWidth(), "the cover letter is shown, portrait");
        // the attachment, page 2, is landscape in the preview too
        interact(() -> pages.setCurrentPageIndex(1));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#reportPage")
                        .tryQuery()
                        .map(n -> ((ImageView) n).getImage())
                        .filter(shown -> shown != null && shown.getWidth() > shown.getHeight())
                        .isPresent()));
        // made again while page 2 is shown: the new report opens on its page 1, not on a blank page
        Pagination before = pages;
        clickOn("#makeReportButton");
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> onFx(() -> lookup("#reportPages").queryAs(Pagination.class) != before));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#reportPage")
                        .tryQuery()
                        .map(n -> ((ImageView) n).getImage())
                        .filter(shown -> shown != null && shown.getHeight() > shown.getWidth())
                        .isPresent()));
        assertEquals(0, lookup("#reportPages").queryAs(Pagination.class).getCurrentPageIndex());

        Button savePdf = lookup("#savePdfButton").queryButton();
        interact(savePdf::fire);
        Path pdf = out.resolve("saved-1.pdf");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(pdf));
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        assertTrue(asked.get(0).startsWith("督办通知-禄劝彝族苗族自治县-2021-11-23"), asked.get(0));

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> !lookup("#saveExcelButton").queryButton().isDisabled()));
        interact(lookup("#saveExcelButton").queryButton()::fire);
        Path xlsx = out.resolve("saved-2.xlsx");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(xlsx));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() ->
                        lookup("#reportMessage").queryAs(Label.class).getText().startsWith("已保存到")));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertEquals(List.of("汇总", "超期明细"), List.of(wb.getSheetName(0), wb.getSheetName(1)));
        }
    }

    /**
     * The letterhead by keyboard: a telephone typed wrong is refused naming the field and the dialog
     * stays open with what was typed; typed right, it is saved, the next notices carry it, and the
     * register lists them with their numbers.
     */
    @Test
    void aLeaderSetsTheLetterheadAndReadsTheRegister() throws Exception {
        startApp(DAY, 300);
        signIn(DemoUsers.LEADER.displayName());
        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel()
                .select(tabs.getTabs().stream()
                        .filter(t -> "reportsTab".equals(t.getId()))
                        .findFirst()
                        .orElseThrow()));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> !lookup("#makeReportButton").queryButton().isDisabled()));

        clickOn("#letterheadButton");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#letterheadPhone").tryQuery().isPresent()));
        TextField contact = lookup("#letterheadContact").queryAs(TextField.class);
        interact(() -> contact.setText("张明")); // Chinese comes from the input method, not key by key
        clickOn("#letterheadPhone").write("12345");
        clickOn("#letterheadSave");
        WaitForAsyncUtils.waitForFxEvents();
        String refused = lookup("#letterheadError").queryAs(Label.class).getText();
        assertTrue(refused.startsWith("联系电话"), refused);
        TextField phone = lookup("#letterheadPhone").queryAs(TextField.class);
        assertEquals("12345", phone.getText(), "what was typed stays");
        doubleClickOn("#letterheadPhone");
        interact(phone::clear);
        clickOn("#letterheadPhone").write("0871-68123456");
        clickOn("#letterheadSave");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#letterheadPhone").tryQuery().isEmpty()));

        clickOn("#makeReportButton");
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> onFx(() ->
                        lookup("#reportMessage").queryAs(Label.class).getText().startsWith("已生成")));
        clickOn("#noticeRegisterButton");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#noticeRegisterTable").tryQuery().isPresent()));
        TableView<?> register = lookup("#noticeRegisterTable").queryAs(TableView.class);
        assertTrue(register.getItems().size() >= 2, "a notice to each unit that must act");
        NoticeDesk.RegisterRow newest =
                (NoticeDesk.RegisterRow) register.getItems().get(0);
        assertTrue(newest.number().matches("救助督〔2021〕\\d+号"), newest.number());
        type(KeyCode.ESCAPE);
    }

    /** The count in a queue's label, e.g. 环节超期（12） → 12. */
    private int queueCount(String prefix) {
        String text = lookup((Node n) -> n instanceof ListCell<?> c
                        && c.getText() != null
                        && c.getText().startsWith(prefix))
                .queryAs(ListCell.class)
                .getText();
        return Integer.parseInt(text.replaceAll("^.*（(\\d+)）$", "$1"));
    }

    /**
     * On an office PC's 1024-pixel screen, in English, a long message beside the report's buttons
     * (a saved file's whole path) wraps, and every button keeps its words: they were cut to "...".
     */
    @Test
    void onAnOfficePcsScreenALongMessageLeavesTheButtonsTheirWords() throws Exception {
        language = Locale.ENGLISH;
        Path deep = Files.createDirectories(out.resolve("county supervision reports for the leaders' meeting"));
        saver = (owner, name, extension) -> Optional.of(deep.resolve(name + "." + extension));
        startApp(DAY, 300);
        signIn(DemoUsers.LEADER.displayName());
        onAnOfficeScreen();
        openPage("reportsTab");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> !lookup("#makeReportButton").queryButton().isDisabled()));
        clickOn("#makeReportButton");
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> onFx(() -> !lookup("#savePdfButton").queryButton().isDisabled()));
        interact(lookup("#savePdfButton").queryButton()::fire);
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() ->
                        lookup("#reportMessage").queryAs(Label.class).getText().contains(deep.toString())));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of(
                "#printReportButton",
                "#savePdfButton",
                "#saveExcelButton",
                "#letterheadButton",
                "#noticeRegisterButton")) {
            Button b = lookup(id).queryButton();
            double wanted = WaitForAsyncUtils.asyncFx(() -> b.prefWidth(-1)).get();
            assertTrue(b.getWidth() >= wanted - 0.5, id + " is " + b.getWidth() + " px wide, its words need " + wanted);
        }
    }

    /**
     * A date refused on an office PC's screen, in English, leaves the controls where they were: the
     * error used to stand beside the date and push the report kind and Make onto the next lines.
     */
    @Test
    void onAnOfficePcsScreenADateErrorMovesNoControl() throws Exception {
        language = Locale.ENGLISH;
        startApp(DAY, 300);
        signIn(DemoUsers.LEADER.displayName());
        onAnOfficeScreen();
        openPage("reportsTab");
        DatePicker date = lookup("#reportDate").queryAs(DatePicker.class);
        typeDate(date, "2021-11-23", "");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> ids = List.of("#reportKind", "#makeReportButton", "#printReportButton");
        List<Bounds> before = fx(() -> ids.stream().map(id -> placeOf(id)).toList());
        typeDate(
                date,
                "2999-01-01",
                "Report date: 2999-01-01 is after today (2021-11-23); choose today or an earlier date");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = lookup("#reportDateError").queryAs(Label.class);
        Bounds kind = fx(() -> placeOf("#reportKind"));
        Bounds field = fx(() -> placeOf("#reportDate"));
        assertEquals(field.getCenterY(), kind.getCenterY(), 2, "#reportKind stays on the date's line");
        assertEquals(before.get(0).getMinY(), kind.getMinY(), 0.5, "#reportKind stays where it was");
        assertEquals(
                before.get(1).getMinY(), fx(() -> placeOf("#makeReportButton")).getMinY(), 0.5);
        assertTrue(fx(() -> placeOf("#reportDateError")).getMinY() >= kind.getMaxY(), "the error under the controls");
        assertTrue(
                fx(() -> error.getWidth() >= error.prefWidth(-1) - 0.5 || error.getHeight() > 20),
                "the error reads whole");
        typeDate(date, "2021-11-23", "");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                before.get(2).getMinY(), fx(() -> placeOf("#printReportButton")).getMinY(), 0.5, "no gap left");
    }

    /**
     * A date typed and Enter, as in any field of a page with a default button, makes the report:
     * the date picker took Enter for itself and nothing was made.
     */
    @Test
    void enterInTheDateFieldMakesTheReport() throws Exception {
        startApp(DAY, 300);
        signIn(DemoUsers.LEADER.displayName());
        openPage("reportsTab");
        DatePicker date = lookup("#reportDate").queryAs(DatePicker.class);
        // first a day after today, refused, as a person mistypes; then the right one and Enter
        typeDate(date, "2999-01-01", "统计日期：2999-01-01 晚于今天（2021-11-23），请选择今天或以前的日期");
        interact(() -> {
            date.getEditor().requestFocus();
            date.getEditor().selectAll();
        });
        write("2021-11-22");
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> onFx(() -> !lookup("#savePdfButton").queryButton().isDisabled()));
        assertEquals(LocalDate.of(2021, 11, 22), date.getValue());
    }

    /**
     * On an office PC's screen in Chinese the controls fill one line, and the message's row follows
     * right under it: the progress bar, hidden but kept in the controls' row, took a second line of
     * its own, a blank band.
     */
    @Test
    void onAnOfficePcsScreenNoBlankLineUnderTheControls() throws Exception {
        startApp(DAY, 300);
        signIn(DemoUsers.WATER_CLERK.displayName());
        onAnOfficeScreen();
        openPage("reportsTab");
        WaitForAsyncUtils.waitForFxEvents();
        Bounds make = fx(() -> placeOf("#makeReportButton"));
        Bounds date = fx(() -> placeOf("#reportDate"));
        Bounds print = fx(() -> placeOf("#printReportButton"));
        assertEquals(date.getCenterY(), make.getCenterY(), 2, "Make on the date's line");
        assertTrue(
                print.getMinY() - make.getMaxY() <= 10,
                "the gap under the controls: " + (print.getMinY() - make.getMaxY()));
    }

    /** Enter on a closed drop-down (the report's kind) makes the report, as Enter in the date field does. */
    @Test
    void enterOnAClosedDropDownMakesTheReport() throws Exception {
        startApp(DAY, 300);
        signIn(DemoUsers.LEADER.displayName());
        openPage("reportsTab");
        interact(() -> lookup("#reportKind").query().requestFocus());
        push(KeyCode.DOWN);
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> onFx(() -> !lookup("#savePdfButton").queryButton().isDisabled()));
    }

    /**
     * Tab from Make before any report goes on to a control that shows it has the focus: the empty
     * page viewer took a stop of its own, where the focus showed nowhere; with pages it is a stop
     * again, its page buttons lit (left and right leaf through them).
     */
    @Test
    void tabNeverStopsOnAnEmptyPageViewer() throws Exception {
        startApp(DAY, 300);
        signIn(DemoUsers.WATER_CLERK.displayName());
        openPage("reportsTab");
        interact(() -> lookup("#makeReportButton").query().requestFocus());
        push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = fx(() -> lookup("#makeReportButton").query().getScene().getFocusOwner());
        assertFalse(owner instanceof Pagination, "the focus went to the empty viewer");
        clickOn("#makeReportButton");
        awaitPager(true);
        interact(() -> lookup("#saveExcelButton").query().requestFocus());
        push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(
                fx(() -> lookup("#makeReportButton").query().getScene().getFocusOwner()) instanceof Pagination,
                "the pages are a stop");
    }

    private Bounds placeOf(String id) {
        Node n = lookup(id).query();
        return n.localToScene(n.getBoundsInLocal());
    }

    /**
     * At 1024 px an export that fails reads whole: the reason after the path takes a second line of
     * the status bar instead of losing its middle to an ellipsis (it read "无法导出到 /sys/全部.xls…个文件夹…").
     */
    @Test
    void anExportThatFailsSaysWhyInFullOnAnOfficeScreen() throws Exception {
        Path folder = Files.createDirectories(out.resolve("全部-2021-11-23.xlsx").resolve("旧"));
        saver = (owner, name, extension) -> Optional.of(folder.getParent());
        startApp(DAY, 300);
        signIn(DemoUsers.WATER_CLERK.displayName());
        onAnOfficeScreen();
        clickOn("#exportButton");
        String said = "无法导出到 " + folder.getParent() + "：这是一个文件夹，不能作为文件保存。请换一个文件名。";
        Label message = lookup("#statusMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> said.equals(message.getText())));
        WaitForAsyncUtils.waitForFxEvents();
        // what the window draws, not only what the label holds
        Text drawn = fx(() -> (Text) message.lookup(".text"));
        assertEquals(said, fx(drawn::getText));
        assertTrue(
                fx(() -> drawn.getBoundsInLocal().getHeight()
                        > 1.5 * message.getFont().getSize()),
                "on two lines");
        assertTrue(Files.isDirectory(folder), "the folder is kept");
    }

    @Test
    void aClerkExportsTheQueueAsShown() throws Exception {
        saveInto();
        startApp(DAY, 300);
        signIn(DemoUsers.WATER_CLERK.displayName());
        int shown = table().getItems().size();
        String first = table().getItems().get(0).ticketNo();
        clickOn("#exportButton");
        Path xlsx = out.resolve("saved-1.xlsx");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(xlsx));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() ->
                        lookup("#statusMessage").queryAs(Label.class).getText().startsWith("已导出")));
        // the queue's name and the day, not its label with the count ("全部-2,400-…")
        assertEquals(List.of("全部-2021-11-23.xlsx"), asked);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertEquals("全部（导出）", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(shown, sheet.getLastRowNum() - 2); // title, subtitle, header, then the rows
            assertEquals(
                    table().getVisibleLeafColumns().get(0).getText(),
                    sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals(first, sheet.getRow(3).getCell(0).getStringCellValue());
            assertFalse(sheet.getRow(3).getCell(0).getStringCellValue().isEmpty());
            // the applicant's name and masked ID number in cells of their own
            assertEquals("申请人姓名", sheet.getRow(2).getCell(1).getStringCellValue());
            assertEquals("身份证号", sheet.getRow(2).getCell(2).getStringCellValue());
            Ticket top = table().getItems().get(0);
            assertEquals(top.applicant().name(), sheet.getRow(3).getCell(1).getStringCellValue());
            assertEquals(
                    top.applicant().maskedIdNumber(), sheet.getRow(3).getCell(2).getStringCellValue());
        }
    }
}
