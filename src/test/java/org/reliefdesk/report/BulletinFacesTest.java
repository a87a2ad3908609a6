package org.reliefdesk.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.i18n.Texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The English 通报's figures print in the Latin face. Jasper keeps digits and marks that follow
 * Chinese in the Chinese face, so "禄劝彝族苗族自治县: 941 open" printed ": 941" in the Song face's wide
 * letters; the county's name now stands before a word.
 */
class BulletinFacesTest {

    @TempDir
    Path dir;

    @Test
    void inEnglishTheOverallFiguresPrintInTheLatinFace() throws Exception {
        Texts en = new Texts(Locale.ENGLISH);
        Path pdf = dir.resolve("bulletin.pdf");
        PrintRun run = TestRuns.of(RareCharactersTest.report(List.of("李四", "王五", "赵六")), en);
        ReportMaker.writePdf(OverduePdf.fill(OverduePdf.Kind.SUMMARY, run, en), pdf);
        List<TextPosition> page = PdfGlyphs.onPage(pdf, 1);
        String text = PdfGlyphs.text(page);
        int overall = text.indexOf("1. Overall.");
        int three = text.indexOf(" 3 open", overall);
        assertTrue(overall >= 0 && three > 0, "the overall figures: " + text);
        assertEquals(
                "LiberationSerif",
                PdfGlyphs.face(page.get(three + 1)),
                "the face of the open count in: " + text.substring(overall, three + 7));
    }
}
