package org.reliefdesk.logic.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reliefdesk.model.Department;
import org.reliefdesk.model.ServiceItem;

/** The validated service catalog: departments, service items, and the lifecycle labels. */
public final class Catalog {

    private final Map<String, Department> departments;
    private final Map<String, ServiceItem> items;
    private final Map<String, Label> steps;
    private final Map<String, Label> actions;

    Catalog(List<Department> departments, List<ServiceItem> items, List<Label> steps, List<Label> actions) {
        this.departments = index(departments, Department::code);
        this.items = index(items, ServiceItem::code);
        this.steps = index(steps, Label::code);
        this.actions = index(actions, Label::code);
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> key) {
        return values.stream().collect(Collectors.toMap(key, v -> v, (a, b) -> a, LinkedHashMap::new));
    }

    public List<Department> departments() {
        return List.copyOf(departments.values());
    }

    public List<ServiceItem> items() {
        return List.copyOf(items.values());
    }

    public List<ServiceItem> itemsOf(String departmentCode) {
        return items.values().stream().filter(i -> i.departmentCode().equals(departmentCode)).toList();
    }

    public Optional<ServiceItem> item(String code) {
        return Optional.ofNullable(items.get(code));
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(departments.get(code));
    }

    public List<Label> steps() {
        return List.copyOf(steps.values());
    }

    public boolean hasStep(String code) {
        return steps.containsKey(code);
    }

    public boolean hasAction(String code) {
        return actions.containsKey(code);
    }

    public String itemName(String code, Locale locale) {
        ServiceItem item = items.get(code);
        if (item == null) {
            return code;
        }
        return "en".equals(locale.getLanguage()) ? item.nameEn() : item.nameZh();
    }

    public String departmentName(String code, Locale locale) {
        Department d = departments.get(code);
        if (d == null) {
            return code;
        }
        return "en".equals(locale.getLanguage()) ? d.nameEn() : d.nameZh();
    }

    public String stepName(String code, Locale locale) {
        Label l = code == null ? null : steps.get(code);
        return l == null ? (code == null ? "" : code) : l.in(locale);
    }

    public String actionName(String code, Locale locale) {
        Label l = actions.get(code);
        return l == null ? code : l.in(locale);
    }
}
