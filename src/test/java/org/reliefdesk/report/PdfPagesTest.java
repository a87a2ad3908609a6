package org.reliefdesk.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import net.sf.jasperreports.engine.JasperPrint;
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
 * What the workbench shows and prints is the saved PDF: on a notice's letter, every row of ink
 * between the recipient and the attachment line lies on a line of the saved file's text, and
 * every such line has ink. Jasper's own drawing set the first paragraph's fourth line 11 pt
 * below the PDF's, onto the next paragraph's first line.
 */
class PdfPagesTest {

    /** The preview's zoom and the printer's (PagePreview.ZOOM, PrintPages.PRINT_ZOOM). */
    private static final float[] ZOOMS = {1.3f, 2.5f};

    @TempDir
    Path dir;

    @Test
    void aNoticeIsDrawnWithTheLinesOfItsSavedPdf() throws Exception {
        Texts zh = new Texts(Texts.CHINESE);
        JasperPrint print = OverduePdf.fill(
                OverduePdf.Kind.NOTICES, TestRuns.of(RareCharactersTest.report(List.of("李四", "王五", "赵六")), zh), zh);
        PdfPages pages = PdfPages.of(print);
        assertEquals(print.getPages().size(), pages.size());
        Path saved = dir.resolve("notices.pdf");
        pages.save(saved);
        List<Line> letter = linesFrom(saved, "县水利部门", "附件");
        assertTrue(letter.size() >= 8, "recipient, two paragraphs of several lines, contact, attachment: " + letter);
        for (float zoom : ZOOMS) {
            BufferedImage page = pages.draw(0, zoom);
            for (Line line : letter) {
                assertTrue(
                        inkBetween(page, line.top() * zoom, line.bottom() * zoom),
                        "zoom " + zoom + ": no ink on the line \"" + line.text() + "\"");
            }
            int top = (int) Math.floor(letter.get(0).top() * zoom);
            int bottom = (int) Math.ceil(letter.get(letter.size() - 1).bottom() * zoom);
            for (int y = top; y <= bottom; y++) {
                if (inkOn(page, y)) {
                    float row = y / zoom;
                    assertTrue(
                            letter.stream().anyMatch(l -> l.top() - 1 <= row && row <= l.bottom() + 1),
                            "zoom " + zoom + ": ink at " + row + " pt lies on no line of the saved PDF " + letter);
                }
            }
        }
    }

    @Test
    void theSavedFileIsThePdfOfThePrint() throws Exception {
        Texts zh = new Texts(Texts.CHINESE);
        JasperPrint print = OverduePdf.fill(
                OverduePdf.Kind.NOTICES, TestRuns.of(RareCharactersTest.report(List.of("李堃赟")), zh), zh);
        Path saved = dir.resolve("saved.pdf");
        PdfPages.of(print).save(saved);
        try (PDDocument doc = Loader.loadPDF(saved.toFile())) {
            assertEquals(print.getPages().size(), doc.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(doc).contains("李堃赟"));
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(saved), files.toList(), "the file alone, no part file left beside it");
        }
    }

    /** A line of the saved text: from the top of its glyphs to below its baseline (descenders, underscores), in points. */
    record Line(String text, float top, float bottom) {}

    /** The first page's text lines, from the one that starts with {@code first} to the one that starts with {@code last}. */
    static List<Line> linesFrom(Path pdf, String first, String last) throws IOException {
        TreeMap<Integer, List<TextPosition>> byBaseline = new TreeMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        byBaseline
                                .computeIfAbsent(Math.round(p.getYDirAdj()), k -> new ArrayList<>())
                                .add(p);
                    }
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(doc);
        }
        List<Line> lines = new ArrayList<>();
        boolean in = false;
        for (List<TextPosition> row : byBaseline.values()) {
            StringBuilder text = new StringBuilder();
            float size = 0;
            row.forEach(p -> text.append(p.getUnicode()));
            for (TextPosition p : row) {
                size = Math.max(size, p.getFontSizeInPt());
            }
            String s = text.toString().strip();
            in = in || s.startsWith(first);
            if (in) {
                float baseline = row.get(0).getYDirAdj();
                lines.add(new Line(s, baseline - size, baseline + 0.3f * size));
            }
            if (in && s.startsWith(last)) {
                return lines;
            }
        }
        throw new AssertionError("no lines from \"" + first + "\" to \"" + last + "\" on page 1: " + lines);
    }

    private static boolean inkBetween(BufferedImage page, float top, float bottom) {
        for (int y = (int) Math.ceil(top); y <= (int) Math.floor(bottom); y++) {
            if (inkOn(page, y)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inkOn(BufferedImage page, int y) {
        if (y < 0 || y >= page.getHeight()) {
            return false;
        }
        for (int x = 0; x < page.getWidth(); x++) {
            int rgb = page.getRGB(x, y);
            if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3 < 160) {
                return true;
            }
        }
        return false;
    }
}
