package org.reliefdesk.report;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.model.Department;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the reports can print is what the font set draws, as Jasper chooses faces
 * (fonts/reliefdesk-fonts.xml), not merely what one of its font files holds.
 */
class PrintableTextTest {

    @Test
    void aRareIdeographPrintsFromTheFallbackButAMarkOnlyTheFallbackHoldsIsRefused() {
        assertEquals(OptionalInt.empty(), PrintableText.missing("张堃 赟 㛃"), "rare ideographs: the CJK fallback");
        assertEquals(OptionalInt.empty(), PrintableText.missing("禄劝彝族苗族自治县（全县）. 2021年，“项目”·—"));
        // the fallback face draws no Common-script character, so 〒 (U+3012), which only it holds,
        // would print as nothing: refused before the report is made
        assertEquals(OptionalInt.of(0x3012), PrintableText.missing("邮编〒651500"));
    }

    @Test
    void theChartDrawsEveryDepartmentsNameWholeInTheFaceItChoosesInBothLanguages() {
        for (Department d : CatalogLoader.loadBuiltIn().departments()) {
            for (String name : new String[] {d.nameZh(), d.nameEn()}) {
                assertEquals(
                        -1, DepartmentChart.faceFor(name, 9f).canDisplayUpTo(name), "the chart's face for " + name);
            }
        }
        assertTrue(CatalogLoader.loadBuiltIn().departments().size() >= 7);
    }
}
