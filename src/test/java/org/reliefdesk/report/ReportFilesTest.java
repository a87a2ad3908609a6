package org.reliefdesk.report;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.cli.CliRun;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.calendar.Deadline;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.OverdueReport;
import org.reliefdesk.logic.report.OverdueRow;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.store.LocalStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CLI writes the sample county's report, and other programs read it back: POI the workbook,
 * PDFBox the PDF (Chinese text, every ticket number, the font embedded), LibreOffice the workbook.
 */
class ReportFilesTest {

    @TempDir
    static Path dir;

    static Path data;
    static OverdueReport expected;

    private static final LocalDate DAY = LocalDate.of(2021, 11, 23);

    @BeforeAll
    static void sampleCounty() {
        data = dir.resolve("data");
        CliRun imported = CliRun.of(
                "import",
                "--file",
                Path.of("sample-data", "luquan-2021-11-23.jsonl").toString(),
                "--data-dir",
                data.toString());
        assertEquals(0, imported.code(), imported.err());
        Catalog catalog = CatalogLoader.loadBuiltIn();
        try (LocalStore store = LocalStore.open(data)) {
            ReportMaker maker = new ReportMaker(
                    store, catalog, new TicketClocks(catalog, CalendarLoader.load(data)), Clock.systemUTC());
            expected = maker.build(maker.scope(null, null), DAY, new Texts(Texts.CHINESE), (d, t) -> {});
        }
        assertTrue(expected.rows().size() > 100, "the sample county has overdue items");
    }

    private static Set<String> ticketNumbers() {
        Set<String> numbers = new HashSet<>();
        expected.rows().forEach(r -> numbers.add(r.ticketNo()));
        return numbers;
    }

    @Test
    void theWorkbookHoldsTheReportDataWithRealDatesAndNumbers() throws Exception {
        Path xlsx = dir.resolve("overdue.xlsx");
        CliRun r = CliRun.of(
                "report",
                "overdue",
                "--as-of",
                "2021-11-23",
                "--format",
                "xlsx",
                "--out",
                xlsx.toString(),
                "--data-dir",
                data.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("超期工单 " + expected.rows().size() + " 件"), r.out());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            XSSFSheet detail = wb.getSheet("超期明细");
            assertEquals("工单编号", detail.getRow(2).getCell(1).getStringCellValue());
            Set<String> numbers = new HashSet<>();
            int rows = 0;
            for (int i = 3; i <= detail.getLastRowNum(); i++) {
                Row row = detail.getRow(i);
                OverdueRow want = expected.rows().get(i - 3);
                assertEquals(want.ticketNo(), row.getCell(1).getStringCellValue());
                assertEquals(CellType.NUMERIC, row.getCell(10).getCellType());
                assertTrue(DateUtil.isCellDateFormatted(row.getCell(10)), "submitted is an Excel date");
                assertEquals(want.daysOpen(), (long) row.getCell(11).getNumericCellValue());
                // one meaning per column: days past the step deadline, then days since 督办 began
                assertEquals(want.daysPastStep(), (long) row.getCell(14).getNumericCellValue());
                assertEquals(want.daysSupervised(), (long) row.getCell(15).getNumericCellValue());
                if (want.stepDue() != null) {
                    // a deadline reads as the PDF writes it: the end of a day is its last second shown as 24:00
                    // (LibreOffice shows "2021-08-16 24:00"; POI's own formatter cannot render a quoted literal)
                    boolean endOfDay = Deadline.written(want.stepDue()).endsWith("24:00");
                    LocalDateTime shown = LocalDateTime.ofInstant(
                            endOfDay ? want.stepDue().minusSeconds(1) : want.stepDue(), ChinaTime.ZONE);
                    assertEquals(shown, row.getCell(13).getLocalDateTimeCellValue());
                    assertEquals(
                            endOfDay,
                            row.getCell(13).getCellStyle().getDataFormatString().endsWith("24:00\""),
                            row.getCell(13).getCellStyle().getDataFormatString());
                }
                numbers.add(row.getCell(1).getStringCellValue());
                rows++;
            }
            assertEquals(expected.rows().size(), rows);
            assertEquals(ticketNumbers(), numbers);
            assertTrue(detail.getPaneInformation().isFreezePane());
            assertTrue(detail.getCTWorksheet().isSetAutoFilter());
            assertTrue(detail.getPrintSetup().getLandscape());
            assertTrue(detail.getColumnWidth(2) >= 10 * 256, "item names (Chinese) fit");

            XSSFSheet summary = wb.getSheet("汇总");
            Row total = null;
            for (Row row : summary) {
                Cell first = row.getCell(0);
                if (first != null
                        && first.getCellType() == CellType.STRING
                        && "合计".equals(first.getStringCellValue())) {
                    total = row;
                    break;
                }
            }
            assertTrue(total != null, "a totals row");
            assertEquals("超期合计", summary.getRow(3).getCell(5).getStringCellValue());
            assertEquals(expected.rows().size(), (int) total.getCell(5).getNumericCellValue());
            assertEquals(expected.supervisedRows(), (long) total.getCell(3).getNumericCellValue());
        }
    }

    @Test
    void theNoticesPdfHasTheChineseTitleTheCountyAndEveryTicketInAnEmbeddedFont() throws Exception {
        Path pdf = dir.resolve("notices.pdf");
        CliRun r = CliRun.of(
                "report",
                "overdue",
                "--as-of",
                "2021-11-23",
                "--format",
                "pdf",
                "--out",
                pdf.toString(),
                "--data-dir",
                data.toString());
        assertEquals(0, r.code(), r.err());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("关于督办超期未办结救助事项的通知"));
            assertTrue(text.contains("禄劝彝族苗族自治县"));
            assertTrue(text.contains("县水利部门"));
            List<String> missing = new ArrayList<>();
            for (String no : ticketNumbers()) {
                if (!text.contains(no)) {
                    missing.add(no);
                }
            }
            assertEquals(List.of(), missing);
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
        }
        Path summary = dir.resolve("summary.pdf");
        assertEquals(
                0,
                CliRun.of(
                                "report",
                                "overdue",
                                "--as-of",
                                "2021-11-23",
                                "--format",
                                "pdf",
                                "--pdf",
                                "summary",
                                "--out",
                                summary.toString(),
                                "--data-dir",
                                data.toString())
                        .code());
        try (PDDocument doc = Loader.loadPDF(summary.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("禄劝彝族苗族自治县超期事项督办情况通报"), text.substring(0, 200));
            assertEquals(1, doc.getNumberOfPages(), "the 通报 is one page");
            OverdueRow longest = expected.rows().stream()
                    .sorted(OverdueReport.URGENT_FIRST)
                    .findFirst()
                    .orElseThrow();
            assertTrue(text.contains(longest.ticketNo()), "the longest-open item is listed");
            for (var d : expected.byDepartment()) {
                assertTrue(text.contains(d.group()), d.group() + " is ranked");
            }
        }
    }

    @Test
    void eachUnitThatMustActGetsItsOwnNoticeTownshipsIncluded() throws Exception {
        Path pdf = dir.resolve("units.pdf");
        assertEquals(
                0,
                CliRun.of(
                                "report",
                                "overdue",
                                "--as-of",
                                "2021-11-23",
                                "--format",
                                "pdf",
                                "--out",
                                pdf.toString(),
                                "--data-dir",
                                data.toString())
                        .code());
        Set<OverdueRow.Responsible> units = new HashSet<>();
        expected.rows().forEach(r -> units.add(r.responsible()));
        OverdueRow atTownship = expected.rows().stream()
                .filter(r -> r.responsible().township())
                .findFirst()
                .orElseThrow();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertEquals(
                    units.size(), text.split("督办超期未办结救助事项的通知", -1).length - 1, "one notice per unit that must act");
            assertTrue(text.contains(atTownship.townshipName() + "："), "a township is addressed itself");
            assertTrue(text.replaceAll("\\s", "").contains("统计范围：禄劝彝族苗族自治县"), "the notice states its scope");
            // GB/T 9704: the cover letter on A4 portrait, the list attached on A4 landscape, pages numbered "— n —"
            PDPage cover = doc.getPage(0);
            assertTrue(cover.getMediaBox().getWidth() < cover.getMediaBox().getHeight(), "the letter is portrait");
            PDPage attachment = doc.getPage(1);
            // Jasper turns a landscape page of A4 a quarter (/Rotate 90)
            assertTrue(
                    attachment.getRotation() == 90
                            || attachment.getMediaBox().getWidth()
                                    > attachment.getMediaBox().getHeight(),
                    "the list is landscape");
            assertTrue(text.contains("— 1 —") && text.contains("— 2 —"), "pages are numbered");
            assertTrue(text.contains("抄送：") && text.contains("联系人："), "copy recipient and contact");
        }
    }

    @Test
    void formatAllWritesTheWorkbookTheNoticesAndTheSummaryAndTheWorkbookPrints() throws Exception {
        Path folder = dir.resolve("all");
        CliRun r = CliRun.of(
                "report",
                "overdue",
                "--as-of",
                "2021-11-23",
                "--format",
                "all",
                "--out",
                folder.toString(),
                "--data-dir",
                data.toString());
        assertEquals(0, r.code(), r.err());
        List<String> names;
        try (var files = Files.list(folder)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(
                List.of(
                        "督办情况通报-禄劝彝族苗族自治县-2021-11-23.pdf",
                        "督办通知-禄劝彝族苗族自治县-2021-11-23.pdf",
                        "超期事项督办报表-禄劝彝族苗族自治县-2021-11-23.xlsx"),
                names);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(folder.resolve(names.get(2))))) {
            for (XSSFSheet sheet : List.of(wb.getSheetAt(0), wb.getSheetAt(1))) {
                assertEquals("&P / &N", sheet.getFooter().getCenter(), "page numbers in the footer");
                assertTrue(sheet.getFitToPage() && sheet.getPrintSetup().getFitWidth() == 1);
                for (int c = 0; c < 13; c++) {
                    assertTrue(sheet.getColumnWidth(c) <= 24 * 256, "column " + c + " is not wider than 24 characters");
                }
            }
            XSSFSheet summary = wb.getSheetAt(0);
            assertEquals("超期率", summary.getRow(3).getCell(10).getStringCellValue());
            assertEquals("排名", summary.getRow(3).getCell(11).getStringCellValue());
            assertTrue(summary.getRow(5).getCell(11).getNumericCellValue() >= 1, "departments ranked");
        }
    }

    @Test
    void aRunWithNothingOverdueWritesNoNoticeAndSaysSo() {
        Path out = dir.resolve("none.pdf");
        CliRun r = CliRun.of(
                "report",
                "overdue",
                "--as-of",
                "2021-07-01",
                "--format",
                "pdf",
                "--out",
                out.toString(),
                "--data-dir",
                data.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("没有超期工单，不需要发督办通知"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badOptionsNameTheFieldAndWriteNothing() {
        Path out = dir.resolve("never.xlsx");
        CliRun department = CliRun.of(
                "report",
                "overdue",
                "--as-of",
                "2021-11-23",
                "--format",
                "xlsx",
                "--out",
                out.toString(),
                "--department",
                "SCHOOL",
                "--data-dir",
                data.toString());
        assertEquals(1, department.code());
        assertTrue(department.err().contains("部门：没有部门代码 SCHOOL"), department.err());
        CliRun future = CliRun.of(
                "report",
                "overdue",
                "--as-of",
                "2999-01-01",
                "--format",
                "xlsx",
                "--out",
                out.toString(),
                "--data-dir",
                data.toString(),
                "--lang",
                "en");
        assertEquals(1, future.code());
        assertTrue(future.err().contains("Report date: 2999-01-01 is after today"), future.err());
        CliRun format = CliRun.of(
                "report",
                "overdue",
                "--as-of",
                "2021-11-23",
                "--format",
                "docx",
                "--out",
                out.toString(),
                "--data-dir",
                data.toString());
        assertEquals(1, format.code());
        assertTrue(format.err().contains("格式“docx”无效"), format.err());
        assertFalse(Files.exists(out));
    }

    /** Another program reads the workbook: LibreOffice converts the detail sheet to CSV. */
    @Test
    void libreOfficeReadsTheWorkbook() throws Exception {
        Assumptions.assumeTrue(onPath("soffice"), "LibreOffice (soffice) is not installed; .ci/run installs it");
        Path xlsx = dir.resolve("for-libreoffice.xlsx");
        assertEquals(
                0,
                CliRun.of(
                                "report",
                                "overdue",
                                "--as-of",
                                "2021-11-23",
                                "--format",
                                "xlsx",
                                "--out",
                                xlsx.toString(),
                                "--data-dir",
                                data.toString())
                        .code());
        Path csvDir = dir.resolve("csv");
        Process p = new ProcessBuilder(
                        "soffice",
                        "-env:UserInstallation=file://" + dir.resolve("lo-profile"),
                        "--headless",
                        "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
                        "--outdir",
                        csvDir.toString(),
                        xlsx.toString())
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "LibreOffice finished");
        Path csv;
        try (var files = Files.list(csvDir)) {
            csv = files.findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        OverdueRow first = expected.rows().get(0);
        String row = lines.stream()
                .filter(l -> l.startsWith("1," + first.ticketNo() + ","))
                .findFirst()
                .orElseThrow();
        assertTrue(row.contains("," + first.itemName() + "," + first.departmentName() + ","), row);
        assertTrue(row.contains("," + first.daysOpen() + ","), row);
        assertEquals(
                expected.rows().size() + 3,
                lines.stream().filter(l -> !l.isBlank()).count());
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
