package org.reliefdesk.logic.i18n;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.model.InvalidFieldException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A refusal opens with its field's name; in English with a capital, though names are kept lower-case. */
class TextsTest {

    private static final Texts EN = new Texts(Locale.ENGLISH);
    private static final Texts ZH = new Texts(Texts.CHINESE);

    @Test
    void anEnglishRefusalOpensWithACapital() {
        InvalidFieldException e = new InvalidFieldException("asOf", "rule.form.date");
        assertEquals("report date", EN.fieldName("asOf"));
        assertEquals("Report date: must be a date like 2024-10-01", EN.describe(e));
        assertEquals(
                "Resident ID number: is required",
                EN.describe(new InvalidFieldException("applicant.idNumber", "rule.required")));
        assertEquals(
                "Visit result: is required",
                EN.describe(new InvalidFieldException("result", "rule.required"), f -> Optional.of("visit result")));
    }

    @Test
    void aTextAtTheHeadOfItsLineOpensWithACapitalInEnglishOnly() {
        Texts en = new Texts(Locale.ENGLISH);
        assertEquals("The answer from x", en.atHead("the answer from x"));
        assertEquals("http://10.1.2.3:8787 did not answer", en.atHead("http://10.1.2.3:8787 did not answer"));
        Texts zh = new Texts(Texts.CHINESE);
        assertEquals("http://10.1.2.3 的回答", zh.atHead("http://10.1.2.3 的回答"));
        assertEquals("water.clerk 不存在", zh.atHead("water.clerk 不存在"));
    }

    @Test
    void aChineseRefusalIsAsItWas() {
        assertEquals(
                ZH.fieldName("asOf") + "：" + ZH.ruleText(new InvalidFieldException("asOf", "rule.form.date")),
                ZH.describe(new InvalidFieldException("asOf", "rule.form.date")));
    }

    /** A form with two tables of the same columns (income, expenditure): a problem says which table and row. */
    @Test
    void aProblemInAFormsTableNamesTheTableAndTheRow() {
        CatalogLabels labels = new CatalogLabels();
        assertEquals(
                "家庭支出第 2 行的“项目”：必须填写",
                ZH.describe(new InvalidFieldException("expenditure[1].item", "rule.required"), labels.zh));
        assertEquals(
                "Item in row 2 of Household expenditure: is required",
                EN.describe(new InvalidFieldException("expenditure[1].item", "rule.required"), labels.en));
        assertEquals(
                "Row 1 of Household income: each row must be a set of fields",
                EN.describe(new InvalidFieldException("income[0]", "rule.form.row"), labels.en));
        assertEquals("家庭收入：必须填写", ZH.describe(new InvalidFieldException("income", "rule.required"), labels.zh));
    }

    /** Minutes and days in a range are said as typed: 1440, not 1,440. */
    @Test
    void aRangeIsSaidWithoutGrouping() {
        InvalidFieldException e = new InvalidFieldException("settings.syncMinutes", "rule.range", 1, 1440);
        assertEquals("must be between 1 and 1440", EN.ruleText(e));
        assertEquals("须在 1 到 1440 之间", ZH.ruleText(e));
    }

    /** The temporary-assistance form's labels as the catalog gives them. */
    private static final class CatalogLabels {
        private final Catalog catalog = CatalogLoader.loadBuiltIn();
        private final String form =
                catalog.applicationFormOf("temporary_assistance").code();
        final Function<String, Optional<String>> zh = f -> catalog.fieldLabel(form, f, Texts.CHINESE);
        final Function<String, Optional<String>> en = f -> catalog.fieldLabel(form, f, Locale.ENGLISH);
    }
}
