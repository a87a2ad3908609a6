package org.reliefdesk.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.OverdueReport;
import org.reliefdesk.logic.report.OverdueRow;
import org.reliefdesk.logic.report.ReportScope;
import org.reliefdesk.logic.report.SummaryRow;
import org.reliefdesk.model.InvalidFieldException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names with characters outside GB 2312 — common in Yunnan — print in full in the notices, the
 * leaders' summary and the workbook; a character no embedded font has stops the report naming
 * the ticket and the character, never a blank in a printed name.
 */
class RareCharactersTest {

    /** Outside GB 2312 (the Song font's set), inside GB 18030: Extension A included (㛃). */
    private static final List<String> NAMES = List.of("李堃赟", "张喆昇", "王玥犇", "赵淼", "杨㛃", "普䶮");

    @TempDir
    Path dir;

    @Test
    void rareCharactersOfNamesPrintInFullInEveryReport() throws Exception {
        OverdueReport report = report(NAMES);
        Texts zh = new Texts(Texts.CHINESE);
        for (OverduePdf.Kind kind : OverduePdf.Kind.values()) {
            Path pdf = dir.resolve(kind + ".pdf");
            ReportMaker.writePdf(OverduePdf.fill(kind, TestRuns.of(report, zh), zh), pdf);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(doc);
                // the 通报 lists its five cases; the notices every ticket
                for (String name : kind == OverduePdf.Kind.SUMMARY ? NAMES.subList(0, 5) : NAMES) {
                    assertTrue(text.contains(name), kind + " prints " + name);
                }
                assertFalse(text.contains("\uFFFD"), "no replacement characters");
            }
        }
        Path xlsx = dir.resolve("overdue.xlsx");
        ReportMaker.writeXlsx(report, zh, xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            var detail = wb.getSheetAt(1);
            for (int i = 0; i < NAMES.size(); i++) {
                assertEquals(NAMES.get(i), detail.getRow(3 + i).getCell(6).getStringCellValue());
            }
        }
    }

    @Test
    void aCharacterNoFontHasStopsTheReportNamingTheTicketAndTheCharacter() {
        OverdueReport report = report(List.of("李堃赟", "吉\uD842\uDFB7")); // 𠮷, U+20BB7, Extension B
        InvalidFieldException e = assertThrows(
                InvalidFieldException.class,
                () -> OverduePdf.fill(
                        OverduePdf.Kind.NOTICES,
                        TestRuns.of(report, new Texts(Texts.CHINESE)),
                        new Texts(Texts.CHINESE)));
        assertEquals("rule.report.glyph", e.rule());
        assertEquals("applicant.name", e.field());
        assertEquals(List.of(report.rows().get(1).ticketNo(), "\uD842\uDFB7", "U+20BB7"), e.args());
        assertTrue(
                new Texts(Texts.CHINESE)
                        .describe(e)
                        .contains("工单 " + report.rows().get(1).ticketNo()),
                new Texts(Texts.CHINESE).describe(e));
    }

    @Test
    void anEnglishNoticeWritesItsDateOfIssueInEnglish() throws Exception {
        Path pdf = dir.resolve("en.pdf");
        ReportMaker.writePdf(
                OverduePdf.fill(
                        OverduePdf.Kind.NOTICES,
                        TestRuns.of(report(List.of("李四")), new Texts(Locale.ENGLISH)),
                        new Texts(Locale.ENGLISH)),
                pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("23 November 2021"), text);
            assertFalse(text.contains("2021年"), "no Chinese date in the English notice");
        }
    }

    /** The red issuer line is one line in English too (it was set as two crowded ones), and the salutation opens with a capital. */
    @Test
    void anEnglishLetterHasItsIssuerOnOneLineAndOpensWithACapital() throws Exception {
        Path pdf = dir.resolve("en.pdf");
        Texts en = new Texts(Locale.ENGLISH);
        ReportMaker.writePdf(
                OverduePdf.fill(
                        OverduePdf.Kind.NOTICES,
                        TestRuns.of(report(List.of("李四"), "county water resources department"), en),
                        en),
                pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setEndPage(1);
            String text = stripper.getText(doc);
            assertEquals(
                    "禄劝彝族苗族自治县 government assistance platform task force",
                    text.lines().findFirst().orElseThrow().strip().replaceAll("\\s+", " "),
                    text);
            assertTrue(text.lines().anyMatch(l -> l.strip().equals("County water resources department:")), text);
        }
    }

    /** A small report whose overdue tickets are those residents. */
    static OverdueReport report(List<String> names) {
        return report(names, "县水利部门");
    }

    /** The same, the tickets in the hands of {@code unit} (its name in the report's language). */
    static OverdueReport report(List<String> names, String unit) {
        List<OverdueRow> rows = new ArrayList<>();
        Instant submitted = Instant.parse("2021-11-01T02:00:00Z");
        for (int i = 0; i < names.size(); i++) {
            rows.add(new OverdueRow(
                    String.format("53012820211101%04d", i + 1),
                    "drinking_water",
                    "饮水安全",
                    "WATER",
                    "水利",
                    "530128002",
                    "崇德街道",
                    "羊街村村委会",
                    names.get(i),
                    "530128**********47",
                    "问题解决",
                    unit,
                    submitted,
                    22,
                    0,
                    submitted.plusSeconds(86_400 * 5),
                    12,
                    13,
                    LadderState.SUPERVISED,
                    "督办·超10天未办结",
                    new OverdueRow.Responsible(false, "WATER"),
                    false));
        }
        SummaryRow water = new SummaryRow("水利", null, names.size(), names.size(), 0, 0, 0, 0);
        return new OverdueReport(
                ReportScope.county("530128"),
                "禄劝彝族苗族自治县",
                "禄劝彝族苗族自治县（全县）",
                LocalDate.of(2021, 11, 23),
                Instant.parse("2021-11-23T15:59:59Z"),
                Instant.parse("2021-11-23T04:00:00Z"),
                rows,
                List.of(new SummaryRow("水利", "饮水安全", names.size(), names.size(), 0, 0, 0, 0)),
                List.of(water),
                List.of(new SummaryRow("崇德街道", null, names.size(), names.size(), 0, 0, 0, 0)),
                new SummaryRow("合计", null, names.size(), names.size(), 0, 0, 0, 0));
    }
}
