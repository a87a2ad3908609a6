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
 * A notice's Chinese names print in the Song face and what follows them in the Latin face. Jasper
 * keeps a run of text in the face it began in for as long as that face has the next character, so
 * "Scope: 禄劝彝族苗族自治县（全县）. They" printed its full stop and space in the Song face's wide letters, and
 * a Chinese name before a space went into the CJK fallback face whole; the Song face has no ASCII
 * characters now and the fallback draws no Common-script ones (fonts/reliefdesk-fonts.xml).
 */
class NoticeFacesTest {

    private static final String LATIN = "LiberationSerif";
    private static final String SONG = "BousungEG-Light-GB";

    @TempDir
    Path dir;

    @Test
    void inEnglishAChineseNamePrintsInTheSongFaceAndTheFullStopAndSpaceAfterItInTheLatinFace() throws Exception {
        List<TextPosition> page = firstPage(new Texts(Locale.ENGLISH));
        String text = PdfGlyphs.text(page);

        int scope = text.indexOf("Scope: ");
        assertTrue(scope > 0, "the scope in: " + text);
        int stop = text.indexOf('.', scope);
        assertEquals("）", text.substring(stop - 1, stop), "the scope's name ends before the full stop: " + text);
        assertEquals(SONG, PdfGlyphs.face(page.get(stop - 1)), "the face of the scope's last character");
        assertEquals(LATIN, PdfGlyphs.face(page.get(stop)), "the face of the full stop after the county's name");

        int issuer = text.indexOf("县 government", stop);
        assertTrue(issuer > 0, "the task force in the request: " + text);
        for (int i = text.lastIndexOf('禄', issuer); i <= issuer; i++) {
            assertEquals(
                    SONG, PdfGlyphs.face(page.get(i)), "the face of " + text.charAt(i) + " in the task force's name");
        }
        assertEquals(LATIN, PdfGlyphs.face(page.get(issuer + 1)), "the face of the space after the county's name");
    }

    @Test
    void inChineseTheFiguresOfTheBodyPrintInTheLatinFaceAsAnOfficialLettersNumeralsDo() throws Exception {
        List<TextPosition> page = firstPage(new Texts(Locale.SIMPLIFIED_CHINESE));
        String text = PdfGlyphs.text(page);

        int asOf = text.indexOf("截至2021年");
        assertTrue(asOf >= 0, "the date in the body: " + text);
        assertEquals(SONG, PdfGlyphs.face(page.get(asOf + 1)), "the face of 至");
        for (int i = asOf + 2; i < asOf + 6; i++) {
            assertEquals(LATIN, PdfGlyphs.face(page.get(i)), "the face of the year's digit " + text.charAt(i));
        }
        assertEquals(SONG, PdfGlyphs.face(page.get(asOf + 6)), "the face of 年");
    }

    private List<TextPosition> firstPage(Texts texts) throws Exception {
        Path pdf = dir.resolve("notices-" + texts.locale().getLanguage() + ".pdf");
        PrintRun run = TestRuns.of(RareCharactersTest.report(List.of("李四")), texts);
        ReportMaker.writePdf(OverduePdf.fill(OverduePdf.Kind.NOTICES, run, texts), pdf);
        return PdfGlyphs.onPage(pdf, 1);
    }
}
