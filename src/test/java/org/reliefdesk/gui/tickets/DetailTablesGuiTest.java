package org.reliefdesk.gui.tickets;

import javafx.scene.text.Font;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reliefdesk.gui.common.Columns;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How a step's times wrap in a narrow detail pane: at their spaces, each date and hour whole. Text is
 * measured by the toolkit, so it is started (no window is shown).
 */
class DetailTablesGuiTest {

    private static final Font FONT = Font.font(13);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static String wrapped(String item, double width) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> DetailTables.atSpaces(item, width, FONT))
                .get();
    }

    private static double width(String text) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Columns.textWidth(text, FONT)).get();
    }

    @Test
    void aLimitTooWideForItsColumnIsItsDayOverItsHourNeverBrokenAtItsColon() throws Exception {
        double day = width("2026-08-17");
        assertEquals("2026-08-17\n24:00\n已超期", wrapped("2026-08-17 24:00\n已超期", day + 4));
        assertEquals("2026-08-17 24:00\n已超期", wrapped("2026-08-17 24:00\n已超期", width("2026-08-17 24:00") + 4));
    }

    @Test
    void wordsAreKeptTogetherWhileTheyFitAndEachLineIsWrappedOnItsOwn() throws Exception {
        assertEquals("done on\ntime\nno limit", wrapped("done on time\nno limit", width("done on") + 2));
        assertEquals("a\n\nb", wrapped("a\n\nb", 1), "empty lines kept");
        assertEquals("\n2026-08-17", wrapped("\n2026-08-17", 1), "an empty first line too: the second stays second");
        assertEquals("2026-08-17 24:00", wrapped("2026-08-17 24:00", 0), "no width yet: as it is");
        assertEquals("现场核查", wrapped("现场核查", 5), "a word wider than the column is left to the text's own wrapping");
    }
}
