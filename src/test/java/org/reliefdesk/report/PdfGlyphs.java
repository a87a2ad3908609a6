package org.reliefdesk.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** A PDF page's glyphs read back in reading order, with the face each was printed in. */
final class PdfGlyphs {

    private PdfGlyphs() {}

    /** The glyphs of page {@code page} (from 1), line after line. */
    static List<TextPosition> onPage(Path pdf, int page) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> line) {
                    glyphs.addAll(line);
                }
            };
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(doc);
        }
        return glyphs;
    }

    /** The glyphs' text, one character (or more, for a ligature) per glyph, so indexes match. */
    static String text(List<TextPosition> glyphs) {
        StringBuilder text = new StringBuilder();
        glyphs.forEach(g -> text.append(g.getUnicode()));
        return text.toString();
    }

    /** The name of the face a glyph was printed in, without its subset tag (ABCDEF+). */
    static String face(TextPosition glyph) {
        String name = glyph.getFont().getName();
        return name.substring(name.indexOf('+') + 1);
    }
}
