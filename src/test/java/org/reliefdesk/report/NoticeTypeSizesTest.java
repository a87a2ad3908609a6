package org.reliefdesk.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.OverdueReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A notice's issuer keeps its type size where a county office signs (发文机关署名, 16 pt like the
 * body) and in the 版记 (印发机关, 14 pt): a long name goes onto a second line rather than shrinking.
 * In English, "禄劝彝族苗族自治县 government assistance platform task force" was drawn at some 9 pt
 * under the letter and 7 pt in the 版记.
 */
class NoticeTypeSizesTest {

    @TempDir
    Path dir;

    @Test
    void inEnglishTheLongIssuerWrapsWhereItSignsAndInTheColophon() throws Exception {
        List<Word> words = firstPageWords(new Texts(Locale.ENGLISH));
        // the issuer stands three times on the letter: the red head (shrunk to its one line by design),
        // the signature and the 版记
        List<Word> forces = words.stream().filter(w -> w.text().equals("force")).toList();
        assertEquals(3, forces.size(), words.toString());
        assertEquals(16f, forces.get(1).size(), 0.5f, "the signature's size: " + forces.get(1));
        assertEquals(14f, forces.get(2).size(), 0.5f, "the 版记's size: " + forces.get(2));
        Word issued = words.stream()
                .filter(w -> w.text().equals("Issued"))
                .findFirst()
                .orElseThrow();
        assertEquals(14f, issued.size(), 0.5f, "the printing date's size");
        assertTrue(
                forces.get(2).y() > issued.y(),
                "the 版记's issuer goes onto a second line under its first, beside the date: " + forces.get(2));
    }

    @Test
    void inChineseTheIssuerStaysOnOneLineInItsSizes() throws Exception {
        List<Word> words = firstPageWords(new Texts(Texts.CHINESE));
        List<Word> issuers =
                words.stream().filter(w -> w.text().contains("工作专班")).toList();
        // the head, the body's request, the signature, the 版记
        assertEquals(4, issuers.size(), words.toString());
        assertEquals(16f, issuers.get(2).size(), 0.5f, "the signature: " + issuers.get(2));
        assertEquals(14f, issuers.get(3).size(), 0.5f, "the 版记: " + issuers.get(3));
        Word printed =
                words.stream().filter(w -> w.text().endsWith("印发")).findFirst().orElseThrow();
        // one line, not two (a line is 14 pt): the date's digits print in the Latin face, whose line
        // gap sets its baseline 0.7 pt below the all-Song issuer's beside it (0.24 mm on paper)
        assertEquals(printed.y(), issuers.get(3).y(), 2f, "the 版记's issuer and date on one line");
    }

    /**
     * A letter and its 版记 share one page, a first notice and one that supervises again, in both
     * languages: the English letter that supervises again (one line longer) put its 版记 alone on a
     * second page, and the English titles took two lines where one will do.
     */
    @Test
    void aLetterAndItsColophonTakeOnePage() throws Exception {
        for (Texts texts : List.of(new Texts(Locale.ENGLISH), new Texts(Texts.CHINESE))) {
            for (boolean again : new boolean[] {false, true}) {
                String page1 = pageText(texts, again, 1);
                String copyTo = texts.msg("report.notice.copyTo", "").strip();
                String where = texts.locale() + (again ? ", supervised again" : ", first notice") + ":\n";
                assertTrue(page1.contains(copyTo.substring(0, copyTo.length() - 1)), where + page1);
                String title = texts.msg(again ? "report.notice.docTitleRepeat" : "report.notice.docTitle");
                assertTrue(page1.contains(title), "the title on one line, " + where + page1);
            }
        }
    }

    private String pageText(Texts texts, boolean again, int page) throws Exception {
        try (PDDocument doc = Loader.loadPDF(notice(texts, again).toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(doc);
        }
    }

    private Path notice(Texts texts, boolean again) throws Exception {
        Path pdf = dir.resolve("notice-" + texts.locale() + again + ".pdf");
        OverdueReport report = RareCharactersTest.report(List.of("李四", "王五", "赵六"));
        if (again) {
            report = report.withNoticedBefore(
                    Set.copyOf(report.rows().stream().map(r -> r.ticketNo()).toList()));
        }
        PrintRun run = TestRuns.of(report, texts);
        ReportMaker.writePdf(OverduePdf.fill(OverduePdf.Kind.NOTICES, run, texts), pdf);
        return pdf;
    }

    private List<Word> firstPageWords(Texts texts) throws Exception {
        try (PDDocument doc = Loader.loadPDF(notice(texts, false).toFile())) {
            Words stripper = new Words();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(doc);
            return stripper.words;
        }
    }

    /** A run of text without a space, its size in points and its baseline from the page's top. */
    record Word(String text, float size, float y) {}

    /** Collects each word with the size of its first character. */
    private static final class Words extends PDFTextStripper {
        private final List<Word> words = new ArrayList<>();

        Words() throws IOException {
            setSortByPosition(true);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            int start = 0;
            for (int i = 0; i <= text.length() && i <= positions.size(); i++) {
                boolean end = i == text.length() || i == positions.size() || text.charAt(i) == ' ';
                if (end) {
                    if (i > start) {
                        TextPosition first = positions.get(start);
                        words.add(new Word(text.substring(start, i), first.getFontSizeInPt(), first.getYDirAdj()));
                    }
                    start = i + 1;
                }
            }
        }
    }
}
