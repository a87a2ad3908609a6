package org.reliefdesk.logic;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogException;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.model.ServiceItem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogLoaderTest {

    private static final String ITEM = "{\"number\":%d,\"code\":\"%s\",\"department\":\"WATER\",\"zh\":\"饮水\","
            + "\"en\":\"water\",\"workflow\":\"w\",\"applicationForm\":\"f\"}";

    private static final String WATER = "{\"code\":\"WATER\",\"zh\":\"水利\",\"en\":\"water\"}";

    @Test
    void builtInCatalogHasTheSevenDepartmentsAndFifteenItemsOfTheSeed() {
        Catalog c = CatalogLoader.loadBuiltIn();
        assertEquals(
                List.of("民政", "人社", "住建", "水利", "教育", "卫健", "医保"),
                c.departments().stream().map(d -> d.nameZh()).toList());
        // The table in SEED-RULES.md, in order: number, department, Chinese name.
        String[][] seed = {
            {"民政", "临时救助"},
            {"民政", "特困供养"},
            {"民政", "低保"},
            {"人社", "找工作"},
            {"人社", "找培训"},
            {"住建", "农村危房改造"},
            {"水利", "农村饮水安全"},
            {"教育", "控辍保学"},
            {"卫健", "医疗机构查询"},
            {"卫健", "慢病健康管理"},
            {"卫健", "大病专项救治"},
            {"卫健", "看病预约"},
            {"医保", "参保登记"},
            {"医保", "异地就医未报销"},
            {"医保", "大病救助"}
        };
        List<ServiceItem> items = c.items();
        assertEquals(15, items.size());
        for (int i = 0; i < seed.length; i++) {
            ServiceItem item = items.get(i);
            assertEquals(i + 1, item.number());
            assertEquals(seed[i][1], item.nameZh());
            assertEquals(seed[i][0], c.departmentName(item.departmentCode(), Locale.CHINA));
            assertTrue(!item.nameEn().isBlank());
        }
        assertEquals("rural drinking-water safety", c.itemName("drinking_water", Locale.ENGLISH));
    }

    private static CatalogException refuse(String json) {
        return assertThrows(
                CatalogException.class,
                () -> CatalogLoader.load(
                        "test-catalog.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    /** A minimal valid catalog around the given departments and items (items use workflow "w", form "f"). */
    private static String catalog(String departments, String items) {
        return catalog(
                departments,
                items,
                "{\"code\":\"accept\",\"from\":[\"acceptance\"],\"roles\":[\"CLERK\"],"
                        + "\"to\":\"concluded\",\"form\":\"f\"}");
    }

    private static String catalog(String departments, String items, String action) {
        return "{\"formatVersion\":2,\"departments\":[" + departments + "],\"items\":[" + items + "],"
                + "\"steps\":[{\"code\":\"acceptance\",\"zh\":\"待受理\",\"en\":\"new\"},"
                + "{\"code\":\"concluded\",\"zh\":\"已办结\",\"en\":\"concluded\"}],"
                + "\"actions\":[{\"code\":\"accept\",\"zh\":\"受理\",\"en\":\"accept\"}],"
                + "\"outcomes\":[{\"code\":\"solved\",\"zh\":\"已解决\",\"en\":\"solved\"}],"
                + "\"forms\":{\"f\":{\"fields\":[{\"code\":\"x\",\"type\":\"TEXT\",\"zh\":\"说明\",\"en\":\"x\"}]}},"
                + "\"workflows\":{\"w\":{\"steps\":[{\"code\":\"acceptance\",\"deadline\":{\"clock\":\"HOURS\",\"amount\":24}},"
                + "{\"code\":\"concluded\",\"terminal\":true}],\"actions\":[" + action + "]}},"
                + "\"supervision\":{\"days\":10,\"clock\":\"CALENDAR_DAYS\",\"dueSoonFromDay\":8,\"pausedTimeCounts\":true},"
                + "\"dueSoon\":{\"workingDaysBefore\":1,\"hoursBefore\":6}}";
    }

    @Test
    void workflowReferencesAreChecked() {
        CatalogException step = refuse(catalog(
                WATER,
                String.format(ITEM, 1, "w1"),
                "{\"code\":\"accept\",\"from\":[\"acceptance\"],\"roles\":[\"CLERK\"],\"to\":\"nowhere\"}"));
        assertEquals("test-catalog.json: workflows.w.actions[0] (accept): unknown step 'nowhere'", step.getMessage());
        CatalogException form = refuse(
                catalog(
                        WATER,
                        String.format(ITEM, 1, "w1"),
                        "{\"code\":\"accept\",\"from\":[\"acceptance\"],\"roles\":[\"CLERK\"],\"to\":\"concluded\",\"form\":\"nope\"}"));
        assertEquals("test-catalog.json: workflows.w.actions[0] (accept): unknown form 'nope'", form.getMessage());
        CatalogException role = refuse(catalog(
                WATER,
                String.format(ITEM, 1, "w1"),
                "{\"code\":\"accept\",\"from\":[\"acceptance\"],\"roles\":[\"MAYOR\"],\"to\":\"concluded\"}"));
        assertTrue(
                role.getMessage().startsWith("test-catalog.json: workflows.w.actions[0].roles[0]: "),
                role.getMessage());
    }

    @Test
    void onlyAReopenActionStartsFromTheTerminalStep() {
        CatalogException plain = refuse(catalog(
                WATER,
                String.format(ITEM, 1, "w1"),
                "{\"code\":\"accept\",\"from\":[\"concluded\"],\"roles\":[\"CLERK\"],\"to\":\"acceptance\"}"));
        assertEquals(
                "test-catalog.json: workflows.w.actions[0] (accept): only a reopen action ('reopenWithinDays') "
                        + "may start from the terminal step",
                plain.getMessage());
        CatalogException notFromEnd = refuse(catalog(
                WATER,
                String.format(ITEM, 1, "w1"),
                "{\"code\":\"accept\",\"from\":[\"acceptance\"],\"roles\":[\"CLERK\"],\"to\":\"concluded\","
                        + "\"reopenWithinDays\":30}"));
        assertTrue(
                notFromEnd
                        .getMessage()
                        .endsWith("a reopen action ('reopenWithinDays') must start from the terminal step"),
                notFromEnd.getMessage());
        CatalogException toEnd = refuse(catalog(
                WATER,
                String.format(ITEM, 1, "w1"),
                "{\"code\":\"accept\",\"from\":[\"concluded\"],\"roles\":[\"CLERK\"],\"to\":\"concluded\","
                        + "\"reopenWithinDays\":30}"));
        assertTrue(toEnd.getMessage().endsWith("'to' a step that is not terminal"), toEnd.getMessage());
    }

    @Test
    void anEnglishButtonSaysWhatToDoAndTheHistoryWhatWasDone() {
        Catalog c = CatalogLoader.loadBuiltIn();
        assertEquals("Accept", c.actionVerb("accept", Locale.ENGLISH));
        assertEquals("accepted", c.actionName("accept", Locale.ENGLISH));
        assertEquals("受理", c.actionVerb("accept", Locale.SIMPLIFIED_CHINESE));
        for (ServiceItem i : c.items()) {
            for (ActionDef a : c.workflowOf(i.code()).actions()) {
                assertTrue(
                        Character.isUpperCase(
                                c.actionVerb(a.code(), Locale.ENGLISH).charAt(0)),
                        a.code() + " has an English verb for its button");
            }
        }
    }

    @Test
    void aTransferNamesAnotherItemAndAnActionToAnItemNeedsItsItemField() {
        CatalogException self = refuse(catalog(
                WATER,
                "{\"number\":1,\"code\":\"w\",\"department\":\"WATER\",\"zh\":\"饮水\",\"en\":\"w\","
                        + "\"workflow\":\"w\",\"applicationForm\":\"f\",\"transfersTo\":[\"w\"]}"));
        assertEquals("test-catalog.json: items[0] (w): transfersTo names 'w', not another item", self.getMessage());
        CatalogException noItemField = refuse(catalog(
                WATER,
                String.format(ITEM, 1, "w1"),
                "{\"code\":\"accept\",\"from\":[\"acceptance\"],\"roles\":[\"CLERK\"],\"to\":\"@transfer\","
                        + "\"form\":\"f\"}"));
        assertTrue(
                noItemField
                        .getMessage()
                        .endsWith("an action to another item needs a form with a required 'item'"
                                + " chosen from the list 'service_items', and no outcome"),
                noItemField.getMessage());
    }

    @Test
    void validMinimalCatalogLoads() {
        Catalog c = CatalogLoader.load(
                "ok.json",
                new ByteArrayInputStream(
                        catalog(WATER, String.format(ITEM, 1, "w")).getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, c.items().size());
    }

    @Test
    void unknownDepartmentNamesFileAndEntry() {
        CatalogException e = refuse(catalog(
                WATER, "{\"number\":1,\"code\":\"dropout\",\"department\":\"SCHOOL\",\"zh\":\"控辍保学\",\"en\":\"d\"}"));
        assertEquals("test-catalog.json: items[0] (dropout): unknown department 'SCHOOL'", e.getMessage());
    }

    @Test
    void duplicateItemCodeNamesFileAndEntry() {
        CatalogException e = refuse(catalog(WATER, String.format(ITEM, 1, "w") + "," + String.format(ITEM, 2, "w")));
        assertEquals("test-catalog.json: items[1] (w): duplicate item code 'w'", e.getMessage());
    }

    @Test
    void duplicateDepartmentCodeIsRefused() {
        CatalogException e = refuse(catalog(WATER + "," + WATER, ""));
        assertEquals("test-catalog.json: departments[1] (WATER): duplicate department code 'WATER'", e.getMessage());
    }

    @Test
    void missingNameNamesFileAndEntry() {
        CatalogException e =
                refuse(catalog(WATER, "{\"number\":1,\"code\":\"w\",\"department\":\"WATER\",\"en\":\"water\"}"));
        assertEquals("test-catalog.json: items[0] (w): missing 'zh'", e.getMessage());
    }

    @Test
    void brokenJsonAndWrongVersionAreRefused() {
        assertTrue(refuse("{\"formatVersion\":2,").getMessage().startsWith("test-catalog.json: not valid JSON"));
        assertTrue(refuse("{\"formatVersion\":1}").getMessage().contains("formatVersion must be 2"));
        // a second object pasted after the first is not left unread
        assertTrue(refuse("{\"formatVersion\":2} {\"formatVersion\":2}")
                .getMessage()
                .startsWith("test-catalog.json: not valid JSON"));
    }
}
