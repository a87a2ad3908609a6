package org.reliefdesk.report;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.i18n.Texts;

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
        Texts zh = new Texts(Texts.CHINESE);
        Path pdf = dir.resolve("notice.pdf");
        ReportMaker.writePdf(
                OverduePdf.fill(
                        OverduePdf.Kind.NOTICES,
                        TestRuns.of(RareCharactersTest.report(List.of("李四", "王五", "赵六")), zh),
                        zh),
                pdf);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        List<String> opening = text.lines()
                .map(String::strip)
                .filter(l -> OPENS_WITH_CLOSING_MARK.matcher(l).matches())
                .toList();
        assertEquals(List.of(), opening, text);
    }
}
