package org.reliefdesk.logic.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    private static final int FORMAT_VERSION = 1;

    private CatalogLoader() {
    }

    public static Catalog loadBuiltIn() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new CatalogException(BUILT_IN + ": catalog file not found on the class path");
            }
            return load(BUILT_IN, in);
        } catch (IOException e) {
            throw new CatalogException(BUILT_IN + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static Catalog load(String fileName, InputStream in) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new CatalogException(fileName + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CatalogException(fileName + ": the file must hold one JSON object");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new CatalogException(fileName + ": formatVersion must be " + FORMAT_VERSION + ", found "
                    + root.path("formatVersion"));
        }
        List<Department> departments = readDepartments(fileName, array(fileName, root, "departments"));
        List<ServiceItem> items = readItems(fileName, array(fileName, root, "items"), departments);
        List<Label> steps = readLabels(fileName, array(fileName, root, "steps"), "steps");
        List<Label> actions = readLabels(fileName, array(fileName, root, "actions"), "actions");
        return new Catalog(departments, items, steps, actions);
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
            result.add(new ServiceItem(code, numberNode.asInt(), department, text(n, "zh", where),
                    text(n, "en", where)));
        }
        return result;
    }

    private static List<Label> readLabels(String file, JsonNode list, String name) {
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
