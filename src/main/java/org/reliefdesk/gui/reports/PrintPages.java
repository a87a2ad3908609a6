package org.reliefdesk.gui.reports;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.PageRange;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.stage.Window;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.report.PdfPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends made pages, as saved, to a printer: the print dialog (printer, pages, copies, paper) on
 * the FX thread, then the chosen pages, each at its own size on the paper, drawn and spooled off
 * it, so the window answers while a long report prints.
 */
final class PrintPages {

    private static final Logger LOG = LoggerFactory.getLogger(PrintPages.class);

    /** Sharp enough for a laser printer at 180 dpi. */
    private static final float PRINT_ZOOM = 2.5f;

    private PrintPages() {}

    /** Prints {@code p} after the person chose the printer and the pages; {@code say} hears how it went. */
    static void print(PdfPages p, Window owner, Texts texts, UiTasks tasks, Consumer<String> say) {
        Optional<Path> spooler = missingSpooler(System.getProperty("os.name"), Files::isExecutable);
        if (spooler.isPresent()) {
            // JavaFX would take the job and call it printed (docs/reports.md): say so before the dialog
            say.accept(texts.msg("reports.noSpooler", spooler.get()));
            return;
        }
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            say.accept(texts.msg("reports.noPrinter"));
            return;
        }
        // the print dialog offers "pages from … to …" only within a range it was given
        job.getJobSettings().setPageRanges(new PageRange(1, p.size()));
        // one dialog: the printer, the pages and copies, and (its page tab) the paper
        if (!job.showPrintDialog(owner)) {
            job.cancelJob();
            return;
        }
        PageLayout picked = job.getJobSettings().getPageLayout();
        // the pages carry their own margins (GB/T 9704's for a notice): the printer's least ones, not the dialog's
        PageLayout layout = job.getPrinter()
                .createPageLayout(picked.getPaper(), picked.getPageOrientation(), Printer.MarginType.HARDWARE_MINIMUM);
        List<Integer> pages = chosen(job.getJobSettings().getPageRanges(), p.size());
        String printer = job.getPrinter().getName();
        say.accept(texts.msg("reports.printing", pages.size(), printer));
        tasks.run(
                UiTasks.Lane.JOB,
                progress -> {
                    try (PdfPages.Pictures pictures = p.pictures()) {
                        for (int index : pages) {
                            if (!job.printPage(layout, fitted(pictures.draw(index, PRINT_ZOOM), layout))) {
                                throw new PrintFailed(job.getJobStatus());
                            }
                        }
                    }
                    // false when JavaFX knows the job failed; a missing spooler it does not see (missingSpooler)
                    if (!job.endJob()) {
                        throw new PrintFailed(job.getJobStatus());
                    }
                    return pages.size();
                },
                printed -> say.accept(texts.msg("reports.printed", printed, printer)),
                error -> {
                    job.cancelJob();
                    say.accept(texts.msg("reports.printFailed", why(error, texts)));
                });
    }

    /**
     * The command the JDK hands a job to on this system ({@code sun.print.PSPrinterJob}: lpr on Linux
     * and macOS, lp on other Unix, none on Windows, which prints through its own API), when it is not
     * there. Without it the job is lost in the JDK's print thread, and JavaFX reports it as printed.
     */
    static Optional<Path> missingSpooler(String osName, Predicate<Path> executable) {
        if (osName == null || osName.startsWith("Windows")) {
            return Optional.empty();
        }
        Path command = Path.of(osName.equals("Linux") || osName.contains("OS X") ? "/usr/bin/lpr" : "/usr/bin/lp");
        return executable.test(command) ? Optional.empty() : Optional.of(command);
    }

    /** The pages (from 0) in the ranges chosen in the print dialog (from 1), within the document; all when none. */
    static List<Integer> chosen(PageRange[] ranges, int size) {
        List<Integer> out = new ArrayList<>();
        if (ranges == null || ranges.length == 0) {
            for (int i = 0; i < size; i++) {
                out.add(i);
            }
            return out;
        }
        for (PageRange r : ranges) {
            for (int page = Math.max(1, r.getStartPage()); page <= Math.min(size, r.getEndPage()); page++) {
                if (!out.contains(page - 1)) {
                    out.add(page - 1);
                }
            }
        }
        return out;
    }

    /**
     * A page's {@code picture} drawn at 180 dpi, laid at its own size on the paper: a notice's 3号 text prints
     * at 16 pt. The picture is the whole sheet, its own margins included, so it is laid at the
     * paper's corner, not inside the printer's margins (which shrank an A4 page to 87 %); a
     * landscape page on portrait paper (or the reverse) is turned; only a page larger than the
     * paper is shrunk.
     */
    private static Group fitted(BufferedImage picture, PageLayout layout) {
        double paperWidth = layout.getPaper().getWidth();
        double paperHeight = layout.getPaper().getHeight();
        if (layout.getPageOrientation() == PageOrientation.LANDSCAPE
                || layout.getPageOrientation() == PageOrientation.REVERSE_LANDSCAPE) {
            double w = paperWidth;
            paperWidth = paperHeight;
            paperHeight = w;
        }
        Placement place = Placement.of(
                picture.getWidth() / PRINT_ZOOM, picture.getHeight() / PRINT_ZOOM, paperWidth, paperHeight);
        ImageView view = new ImageView(PagePictures.toFx(place.turn() ? turned(picture) : picture));
        view.setPreserveRatio(true);
        view.setFitWidth(view.getImage().getWidth() / PRINT_ZOOM * place.scale());
        // the node's origin is the printable area's corner; the paper's is that far up and left
        view.setTranslateX(-layout.getLeftMargin());
        view.setTranslateY(-layout.getTopMargin());
        return new Group(view);
    }

    /** How a page goes on the paper: turned a quarter or not, and shrunk (1 = its own size). */
    record Placement(boolean turn, double scale) {

        /** A page of {@code width} × {@code height} points on paper of {@code paperWidth} × {@code paperHeight} points. */
        static Placement of(double width, double height, double paperWidth, double paperHeight) {
            boolean turn = (width > height) != (paperWidth > paperHeight);
            double w = turn ? height : width;
            double h = turn ? width : height;
            // a point or two of rounding in a picture's size is not a reason to shrink it
            return new Placement(turn, Math.min(1, Math.min(paperWidth / (w - 1), paperHeight / (h - 1))));
        }
    }

    /**
     * A quarter turn counter-clockwise: a landscape table on portrait paper has its head at the
     * paper's left edge, the binding side of an odd page and the outer one of an even page (GB/T
     * 9704-2012, 10.1).
     */
    static BufferedImage turned(BufferedImage picture) {
        BufferedImage out = new BufferedImage(picture.getHeight(), picture.getWidth(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            AffineTransform t = new AffineTransform();
            t.translate(0, picture.getWidth());
            t.quadrantRotate(-1);
            g.drawImage(picture, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Why printing stopped, in the person's words: the job was cancelled, or the printer or the system refused it. */
    static String why(Throwable error, Texts texts) {
        if (error instanceof PrintFailed failed) {
            return texts.msg(
                    failed.status == PrinterJob.JobStatus.CANCELED ? "reports.printCancelled" : "reports.printRefused");
        }
        return FailureWords.of(texts, LOG, "Printing failed", error);
    }

    /** The printer refused a page or the job, leaving it in {@code status}. */
    static final class PrintFailed extends Exception {
        final PrinterJob.JobStatus status;

        PrintFailed(PrinterJob.JobStatus status) {
            super(String.valueOf(status));
            this.status = status;
        }
    }
}
