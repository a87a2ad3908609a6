package org.reliefdesk.gui.reports;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javafx.print.PageRange;
import javafx.print.PrinterJob;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.i18n.Texts;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pages a person chose in the print dialog are the pages printed (every page was printed whatever was chosen). */
class PrintPagesTest {

    @Test
    void noRangeChosenPrintsEveryPage() {
        assertEquals(List.of(0, 1, 2), PrintPages.chosen(null, 3));
        assertEquals(List.of(0, 1, 2), PrintPages.chosen(new PageRange[0], 3));
    }

    @Test
    void pagesTwoToThreeOfNinePrintThoseTwo() {
        assertEquals(List.of(1, 2), PrintPages.chosen(new PageRange[] {new PageRange(2, 3)}, 9));
    }

    @Test
    void rangesBeyondTheDocumentStopAtItsLastPageAndNoPagePrintsTwice() {
        assertEquals(
                List.of(0, 7, 8),
                PrintPages.chosen(new PageRange[] {new PageRange(1, 1), new PageRange(8, 12), new PageRange(9, 9)}, 9));
    }

    /** An A4 notice prints at its own size on A4 paper, whatever the printer's margins (it was shrunk into them, to 87 %). */
    @Test
    void anA4PagePrintsAtItsOwnSizeOnA4() {
        assertEquals(new PrintPages.Placement(false, 1.0), PrintPages.Placement.of(595.3, 841.9, 595.3, 841.9));
        // the picture of a page may be a point larger than the page by rounding
        assertEquals(new PrintPages.Placement(false, 1.0), PrintPages.Placement.of(595.6, 842.4, 595.3, 841.9));
    }

    @Test
    void aLandscapeAttachmentIsTurnedOntoPortraitPaperNotShrunk() {
        assertEquals(new PrintPages.Placement(true, 1.0), PrintPages.Placement.of(841.9, 595.3, 595.3, 841.9));
    }

    @Test
    void onSmallerPaperAPageIsShrunkToFit() {
        // A4 on US Letter (612 × 792 pt): the height decides
        PrintPages.Placement onLetter = PrintPages.Placement.of(595.3, 841.9, 612, 792);
        assertEquals(false, onLetter.turn());
        assertEquals(792 / 840.9, onLetter.scale(), 1e-9);
    }

    /** The table's head (the landscape page's top) goes to the portrait paper's left edge (GB/T 9704-2012, 10.1). */
    @Test
    void aTurnedPageHasItsTopAtThePapersLeftEdge() {
        BufferedImage landscape = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            landscape.setRGB(x, 0, 0xffffff); // the top row white, the rest black
        }
        BufferedImage portrait = PrintPages.turned(landscape);
        assertEquals(20, portrait.getWidth());
        assertEquals(40, portrait.getHeight());
        for (int y = 0; y < 40; y++) {
            assertEquals(0xffffff, portrait.getRGB(0, y) & 0xffffff, "left column, row " + y);
            assertEquals(0, portrait.getRGB(19, y) & 0xffffff, "right column, row " + y);
        }
    }

    /** Words at the edge: a failed job is told in the person's language, not as the job's status code. */
    @Test
    void aFailedJobIsToldInWordsNotItsStatusCode() {
        Texts zh = new Texts(Texts.CHINESE);
        assertEquals(
                "打印失败（打印机或系统未接受打印任务）",
                zh.msg(
                        "reports.printFailed",
                        PrintPages.why(new PrintPages.PrintFailed(PrinterJob.JobStatus.ERROR), zh)));
        assertEquals(
                "Printing failed (the job was cancelled)",
                new Texts(Locale.ENGLISH)
                        .msg(
                                "reports.printFailed",
                                PrintPages.why(
                                        new PrintPages.PrintFailed(PrinterJob.JobStatus.CANCELED),
                                        new Texts(Locale.ENGLISH))));
    }

    /**
     * Without lpr a Linux PC lost every job while the page said it was sent (JavaFX cannot see the
     * JDK's spooling fail): the missing command is found before the print dialog, and named.
     */
    @Test
    void aMissingSpoolerIsFoundAndNamed() {
        Set<Path> none = Set.of();
        Set<Path> cups = Set.of(Path.of("/usr/bin/lpr"));
        assertEquals(Optional.of(Path.of("/usr/bin/lpr")), PrintPages.missingSpooler("Linux", none::contains));
        assertEquals(Optional.empty(), PrintPages.missingSpooler("Linux", cups::contains));
        assertEquals(Optional.of(Path.of("/usr/bin/lpr")), PrintPages.missingSpooler("Mac OS X", none::contains));
        assertEquals(Optional.of(Path.of("/usr/bin/lp")), PrintPages.missingSpooler("SunOS", cups::contains));
        assertEquals(Optional.empty(), PrintPages.missingSpooler("Windows 10", none::contains));
        assertEquals(
                "本机缺少系统打印程序（/usr/bin/lpr），无法送打印机：请系统管理员安装打印服务，或另存为 PDF 后打印",
                new Texts(Texts.CHINESE).msg("reports.noSpooler", Path.of("/usr/bin/lpr")));
    }
}
