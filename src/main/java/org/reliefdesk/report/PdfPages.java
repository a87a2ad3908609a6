package org.reliefdesk.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A made report as the PDF it is saved as. The workbench's preview and its printing draw these
 * same pages, so what a leader sees, prints and saves is one document. Jasper's own drawing
 * (Graphics2D) set a notice's paragraph lines 30 pt apart where its PDF sets them 26.5 pt, so
 * printed paragraphs ran into the next one while the saved PDF was right.
 */
public final class PdfPages {

    private final byte[] pdf;
    private final int count;

    private PdfPages(byte[] pdf, int count) {
        this.pdf = pdf;
        this.count = count;
    }

    /** Writes {@code print} as PDF in memory (a notice run of 11 pages is about 0.3 MB). */
    public static PdfPages of(JasperPrint print) throws JRException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OverduePdf.writePdf(print, out);
        return new PdfPages(out.toByteArray(), print.getPages().size());
    }

    /** How many pages there are. */
    public int size() {
        return count;
    }

    /** Page {@code index} (from 0) as a picture; {@code zoom} 1 is 72 dpi. Safe from any thread. */
    public BufferedImage draw(int index, float zoom) throws IOException {
        // each drawing reads its own copy of the document: a PDDocument is not safe across threads
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImage(index, zoom, ImageType.RGB);
        }
    }

    /** Saves the PDF whole or not at all. */
    public void save(Path out) throws IOException {
        ReportMaker.atomically(out, stream -> stream.write(pdf));
    }
}
