package org.reliefdesk.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
        List<TextPosition> overall = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    if (text.startsWith("1. Overall.") && overall.isEmpty()) {
                        overall.addAll(positions);
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.getText(doc);
        }
        StringBuilder line = new StringBuilder();
        overall.forEach(p -> line.append(p.getUnicode()));
        int three = line.indexOf(" 3 open");
        assertTrue(three > 0, "the overall figures: " + line);
        String face = overall.get(three + 1).getFont().getName();
        assertEquals(
                "LiberationSerif", face.substring(face.indexOf('+') + 1), "the face of the open count in: " + line);
    }
}
