package org.reliefdesk.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.OverdueReport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A notice's lines break as Chinese text does: no line of the saved PDF opens with a closing mark
 * (，。、；：？！）」》). Left to the PDF library, the letter's first paragraph broke as
 * "…群众救助诉求中" / "，有3件超过…" and "…自治县（全县" / "）。具体事项见附件。".
 */
class NoticeLineBreaksTest {

    private static final Pattern OPENS_WITH_CLOSING_MARK = Pattern.compile("^[，。、；：？！）」》].*");

    @TempDir
    Path dir;

    @Test
    void noLineOfANoticeOpensWithAClosingMark() throws Exception {
        String text = noticeText(RareCharactersTest.report(List.of("李四", "王五", "赵六")));
        List<String> opening = text.lines()
                .map(String::strip)
                .filter(l -> OPENS_WITH_CLOSING_MARK.matcher(l).matches())
                .toList();
        assertEquals(List.of(), opening, text);
    }

    /**
     * "禄劝彝族苗族自治县 · 水利" stays on one line in a letter's body: with 25 tickets the
     * department's notice broke after "县 " and its next line opened with "· 水利。".
     */
    @Test
    void aScopeNameIsNotBrokenAtItsDot() throws Exception {
        for (int tickets : new int[] {3, 12, 25, 100}) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < tickets; i++) {
                names.add("李四" + i);
            }
            OverdueReport county = RareCharactersTest.report(names);
            OverdueReport water = new OverdueReport(
                    county.scope(),
                    county.countyName(),
                    "禄劝彝族苗族自治县 · 水利",
                    county.asOfDate(),
                    county.asOf(),
                    county.generatedAt(),
                    county.rows(),
                    county.byDepartmentItem(),
                    county.byDepartment(),
                    county.byTownship(),
                    county.totals());
            String text = noticeText(water);
            List<String> split = text.lines()
                    .map(String::strip)
                    .filter(l -> l.startsWith("·") || l.endsWith("·"))
                    .toList();
            assertEquals(List.of(), split, tickets + " tickets: " + text);
        }
    }

    private String noticeText(OverdueReport report) throws Exception {
        Texts zh = new Texts(Texts.CHINESE);
        Path pdf = dir.resolve("notice.pdf");
        ReportMaker.writePdf(OverduePdf.fill(OverduePdf.Kind.NOTICES, TestRuns.of(report, zh), zh), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
