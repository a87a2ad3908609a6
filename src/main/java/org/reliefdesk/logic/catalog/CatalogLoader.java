package org.reliefdesk.logic.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reliefdesk.model.Department;
import org.reliefdesk.model.ServiceItem;

/**
 * Reads and validates the catalog file. Anything wrong stops the program with a message
 * that names the file and the entry, so a bad edit never runs half-loaded.
 */
public final class CatalogLoader {

    /** The catalog shipped inside the application. */
    public static final String BUILT_IN = "/org/reliefdesk/catalog/catalog.json";

    /** The reference lists shipped inside the application. */
    public static final String BUILT_IN_LISTS = "/org/reliefdesk/catalog/reference-lists.json";

    private static final int FORMAT_VERSION = 2;
    // a file is one object: a second pasted after it is refused, not left unread
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private CatalogLoader() {}

    public static Catalog loadBuiltIn() {
        return load(BUILT_IN, resource(BUILT_IN), BUILT_IN_LISTS, resource(BUILT_IN_LISTS));
    }

    private static InputStream resource(String name) {
        InputStream in = CatalogLoader.class.getResourceAsStream(name);
        if (in == null) {
            throw new CatalogException(name + ": file not found on the class path");
        }
        return in;
    }

    /** Loads a catalog file with the built-in reference lists. */
    public static Catalog load(String fileName, InputStream in) {
        return load(fileName, in, BUILT_IN_LISTS, resource(BUILT_IN_LISTS));
    }

    public static Catalog load(String fileName, InputStream in, String listsName, InputStream listsIn) {
        try (in;
                listsIn) {
            return parse(fileName, in, listsName, listsIn);
        } catch (IOException e) {
            throw new CatalogException(fileName + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Catalog parse(String fileName, InputStream in, String listsName, InputStream listsIn) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new CatalogException(fileName + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CatalogException(fileName + ": the file must hold one JSON object");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new CatalogException(
                    fileName + ": formatVersion must be " + FORMAT_VERSION + ", found " + root.path("formatVersion"));
        }
        List<Department> departments = readDepartments(fileName, array(fileName, root, "departments"));
        List<ServiceItem> items = readItems(fileName, array(fileName, root, "items"), departments);
        List<Label> steps = readLabels(fileName, array(fileName, root, "steps"), "steps");
        List<Label> actions = readLabels(fileName, array(fileName, root, "actions"), "actions");
        // an English button says what to do (Accept), the history what was done (accepted)
        Map<String, String> verbs = new LinkedHashMap<>();
        root.get("actions").forEach(n -> {
            if (n.hasNonNull("enVerb") && !n.get("enVerb").asText().isBlank()) {
                verbs.put(n.get("code").asText(), n.get("enVerb").asText().strip());
            }
        });
        List<Label> outcomes = readLabels(fileName, array(fileName, root, "outcomes"), "outcomes");
        Map<String, ReferenceList> lists = readLists(listsName, listsIn);
        // the items themselves as a list to choose from (the item a ticket is transferred to)
        lists.put(
                Catalog.ITEMS_LIST,
                new ReferenceList(
                        Catalog.ITEMS_LIST,
                        "catalog",
                        items.stream()
                                .map(i -> new Label(i.code(), i.nameZh(), i.nameEn()))
                                .toList()));
        Map<String, FormDef> forms = new LinkedHashMap<>();
        root.path("forms")
                .fields()
                .forEachRemaining(e -> forms.put(
                        e.getKey(),
                        bind(fileName, "forms." + e.getKey(), e.getValue(), FormDef.class)
                                .withCode(e.getKey())));
        Map<String, WorkflowDef> workflows = new LinkedHashMap<>();
        root.path("workflows")
                .fields()
                .forEachRemaining(e -> workflows.put(
                        e.getKey(),
                        bind(fileName, "workflows." + e.getKey(), e.getValue(), WorkflowDef.class)
                                .withCode(e.getKey())));
        SupervisionRule supervision =
                bind(fileName, "supervision", required(fileName, root, "supervision"), SupervisionRule.class);
        DueSoonRule dueSoon = bind(fileName, "dueSoon", required(fileName, root, "dueSoon"), DueSoonRule.class);
        Map<String, String> workflowOfItem = new LinkedHashMap<>();
        Map<String, String> formOfItem = new LinkedHashMap<>();
        Map<String, List<String>> transfers = new LinkedHashMap<>();
        Set<String> itemCodes = new HashSet<>();
        items.forEach(i -> itemCodes.add(i.code()));
        JsonNode itemNodes = root.get("items");
        for (int i = 0; i < itemNodes.size(); i++) {
            String where = fileName + ": items[" + i + "] (" + items.get(i).code() + ")";
            String wf = text(itemNodes.get(i), "workflow", where);
            String form = text(itemNodes.get(i), "applicationForm", where);
            if (!workflows.containsKey(wf)) {
                throw new CatalogException(where + ": unknown workflow '" + wf + "'");
            }
            if (!forms.containsKey(form)) {
                throw new CatalogException(where + ": unknown form '" + form + "'");
            }
            workflowOfItem.put(items.get(i).code(), wf);
            formOfItem.put(items.get(i).code(), form);
            transfers.put(
                    items.get(i).code(),
                    transfersTo(itemNodes.get(i), where, items.get(i).code(), itemCodes));
        }
        Catalog.Parts parts = new Catalog.Parts(
                departments,
                items,
                steps,
                actions,
                outcomes,
                forms,
                workflows,
                workflowOfItem,
                formOfItem,
                transfers,
                verbs,
                lists,
                supervision,
                dueSoon);
        new WorkflowChecks(fileName, parts).run();
        return new Catalog(parts);
    }

    /** The items a ticket of this item may be transferred to (转派): other items of the catalog, or none. */
    private static List<String> transfersTo(JsonNode item, String where, String self, Set<String> itemCodes) {
        JsonNode list = item.get("transfersTo");
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new CatalogException(where + ": 'transfersTo' must be a list of item codes");
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode n : list) {
            String code = n.asText();
            if (!itemCodes.contains(code) || code.equals(self)) {
                throw new CatalogException(where + ": transfersTo names '" + code + "', not another item");
            }
            codes.add(code);
        }
        return List.copyOf(codes);
    }

    private static JsonNode required(String file, JsonNode root, String name) {
        JsonNode n = root.get(name);
        if (n == null || !n.isObject()) {
            throw new CatalogException(file + ": '" + name + "' is required");
        }
        return n;
    }

    /** Binds a part of the file to its record; a wrong name or type is reported with its path. */
    private static <T> T bind(String file, String path, JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            String where = e instanceof JsonMappingException m
                    ? m.getPath().stream()
                            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                            .collect(Collectors.joining())
                    : "";
            throw new CatalogException(file + ": " + path + where + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, ReferenceList> readLists(String file, InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new CatalogException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        Map<String, ReferenceList> lists = new LinkedHashMap<>();
        JsonNode all = root == null ? null : root.get("lists");
        if (all == null || !all.isObject()) {
            throw new CatalogException(file + ": 'lists' is required");
        }
        all.fields().forEachRemaining(e -> {
            String where = file + ": lists." + e.getKey();
            String source = text(e.getValue(), "source", where);
            List<Label> entries = readLabels(file, e.getValue().path("entries"), "lists." + e.getKey() + ".entries");
            lists.put(e.getKey(), new ReferenceList(e.getKey(), source, entries));
        });
        return lists;
    }

    private static JsonNode array(String file, JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new CatalogException(file + ": '" + name + "' must be a non-empty list");
        }
        return node;
    }

    private static List<Department> readDepartments(String file, JsonNode list) {
        List<Department> result = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String where = file + ": departments[" + i + "]";
            String code = text(n, "code", where);
            where = where + " (" + code + ")";
            if (!codes.add(code)) {
                throw new CatalogException(where + ": duplicate department code '" + code + "'");
            }
            result.add(new Department(code, text(n, "zh", where), text(n, "en", where)));
        }
        return result;
    }

    private static List<ServiceItem> readItems(String file, JsonNode list, List<Department> departments) {
        Set<String> departmentCodes = new HashSet<>();
        departments.forEach(d -> departmentCodes.add(d.code()));
        List<ServiceItem> result = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String where = file + ": items[" + i + "]";
            String code = text(n, "code", where);
            where = where + " (" + code + ")";
            if (!codes.add(code)) {
                throw new CatalogException(where + ": duplicate item code '" + code + "'");
            }
            JsonNode numberNode = n.get("number");
            if (numberNode == null || !numberNode.isInt() || numberNode.asInt() < 1) {
                throw new CatalogException(where + ": 'number' must be a positive whole number");
            }
            if (!numbers.add(numberNode.asInt())) {
                throw new CatalogException(where + ": duplicate item number " + numberNode.asInt());
            }
            String department = text(n, "department", where);
            if (!departmentCodes.contains(department)) {
                throw new CatalogException(where + ": unknown department '" + department + "'");
            }
            result.add(
                    new ServiceItem(code, numberNode.asInt(), department, text(n, "zh", where), text(n, "en", where)));
        }
        return result;
    }

    private static List<Label> readLabels(String file, JsonNode list, String name) {
        if (!list.isArray() || list.isEmpty()) {
            throw new CatalogException(file + ": '" + name + "' must be a non-empty list");
        }
        List<Label> result = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String where = file + ": " + name + "[" + i + "]";
            String code = text(n, "code", where);
            where = where + " (" + code + ")";
            if (!codes.add(code)) {
                throw new CatalogException(where + ": duplicate code '" + code + "'");
            }
            result.add(new Label(code, text(n, "zh", where), text(n, "en", where)));
        }
        return result;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new CatalogException(where + ": missing '" + field + "'");
        }
        return v.asText().strip();
    }
}
