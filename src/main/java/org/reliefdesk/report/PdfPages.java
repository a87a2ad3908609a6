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
        try (Pictures pictures = pictures()) {
            return pictures.draw(index, zoom);
        }
    }

    /**
     * The document read once, to draw many pages on one thread (printing a 49-page run: 0.9 s
     * against 1.1 s reading it for each page, warm).
     */
    public Pictures pictures() throws IOException {
        return new Pictures(Loader.loadPDF(pdf));
    }

    /** Pages drawn from one reading of the document; for one thread, closed after. */
    public static final class Pictures implements AutoCloseable {
        private final PDDocument doc;
        private final PDFRenderer renderer;

        private Pictures(PDDocument doc) {
            this.doc = doc;
            this.renderer = new PDFRenderer(doc);
        }

        /** Page {@code index} (from 0) as a picture; {@code zoom} 1 is 72 dpi. */
        public BufferedImage draw(int index, float zoom) throws IOException {
            return renderer.renderImage(index, zoom, ImageType.RGB);
        }

        @Override
        public void close() throws IOException {
            doc.close();
        }
    }

    /** Saves the PDF whole or not at all. */
    public void save(Path out) throws IOException {
        ReportMaker.atomically(out, stream -> stream.write(pdf));
    }
}
