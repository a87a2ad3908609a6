package org.reliefdesk.gui.reports;

import java.io.IOException;
import java.util.function.Consumer;

import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.stage.Window;

import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.report.PdfPages;

/** Sends made pages, as saved, to a printer: page setup and printer choice, then every page scaled to the printable area. */
final class PrintPages {

    /** Sharp enough for a laser printer at 180 dpi. */
    private static final float PRINT_ZOOM = 2.5f;

    private PrintPages() {}

    /** Prints {@code p} after the person chose the page and the printer; {@code say} hears how it went. */
    static void print(PdfPages p, Window owner, Texts texts, Consumer<String> say) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            say.accept(texts.msg("reports.noPrinter"));
            return;
        }
        if (!job.showPageSetupDialog(owner) || !job.showPrintDialog(owner)) {
            job.cancelJob();
            return;
        }
        PageLayout layout = job.getJobSettings().getPageLayout();
        try {
            for (int i = 0; i < p.size(); i++) {
                ImageView view = new ImageView(PagePictures.toFx(p.draw(i, PRINT_ZOOM)));
                view.setPreserveRatio(true);
                // a notice's landscape attachment on portrait paper (or the reverse) is turned, not shrunk
                boolean landscapePage =
                        view.getImage().getWidth() > view.getImage().getHeight();
                boolean landscapePaper = layout.getPrintableWidth() > layout.getPrintableHeight();
                boolean turn = landscapePage != landscapePaper;
                view.setFitWidth(turn ? layout.getPrintableHeight() : layout.getPrintableWidth());
                view.setFitHeight(turn ? layout.getPrintableWidth() : layout.getPrintableHeight());
                if (turn) {
                    view.setRotate(90);
                }
                if (!job.printPage(new Group(view))) {
                    say.accept(texts.msg("reports.printFailed", job.getJobStatus()));
                    job.cancelJob();
                    return;
                }
            }
            job.endJob();
            say.accept(texts.msg("reports.printed", p.size(), job.getPrinter().getName()));
        } catch (IOException e) {
            job.cancelJob();
            say.accept(texts.msg("reports.failed", e.getMessage()));
        }
    }
}
