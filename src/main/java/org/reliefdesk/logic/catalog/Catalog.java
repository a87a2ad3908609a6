package org.reliefdesk.logic.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reliefdesk.model.Department;
import org.reliefdesk.model.Named;
import org.reliefdesk.model.ServiceItem;
import org.reliefdesk.model.TicketEvent;

/** The validated service catalog: departments, service items, and the lifecycle labels. */
public final class Catalog {

    /** The reference list of the catalog's own items (to choose the item a ticket goes to). */
    public static final String ITEMS_LIST = "service_items";

    private final Map<String, Department> departments;
    private final Map<String, ServiceItem> items;
    private final Map<String, Label> steps;
    private final Map<String, Label> actions;
    private final Map<String, Label> outcomes;
    private final Map<String, FormDef> forms;
    private final Map<String, WorkflowDef> workflows;
    private final Map<String, String> workflowOfItem;
    private final Map<String, String> applicationFormOfItem;
    private final Map<String, List<String>> transfers;
    private final Map<String, String> verbsEn;
    private final Map<String, ReferenceList> lists;
    private final SupervisionRule supervision;
    private final DueSoonRule dueSoon;

    /** Everything the catalog file (and the reference lists) hold, after validation. */
    record Parts(
            List<Department> departments,
            List<ServiceItem> items,
            List<Label> steps,
            List<Label> actions,
            List<Label> outcomes,
            Map<String, FormDef> forms,
            Map<String, WorkflowDef> workflows,
            Map<String, String> workflowOfItem,
            Map<String, String> applicationFormOfItem,
            Map<String, List<String>> transfers,
            Map<String, String> verbsEn,
            Map<String, ReferenceList> lists,
            SupervisionRule supervision,
            DueSoonRule dueSoon) {}

    Catalog(Parts p) {
        this.departments = index(p.departments(), Department::code);
        this.items = index(p.items(), ServiceItem::code);
        this.steps = index(p.steps(), Label::code);
        this.actions = index(p.actions(), Label::code);
        this.outcomes = index(p.outcomes(), Label::code);
        this.forms = Map.copyOf(p.forms());
        this.workflows = Map.copyOf(p.workflows());
        this.workflowOfItem = Map.copyOf(p.workflowOfItem());
        this.applicationFormOfItem = Map.copyOf(p.applicationFormOfItem());
        this.transfers = Map.copyOf(p.transfers());
        this.verbsEn = Map.copyOf(p.verbsEn());
        this.lists = Map.copyOf(p.lists());
        this.supervision = p.supervision();
        this.dueSoon = p.dueSoon();
    }

    /** The workflow an item follows. */
    public WorkflowDef workflowOf(String itemCode) {
        WorkflowDef w = workflows.get(workflowOfItem.get(itemCode));
        if (w == null) {
            throw new IllegalArgumentException("no workflow for item " + itemCode);
        }
        return w;
    }

    /** The form a resident (or a staff member for them) fills in to open a ticket of this item. */
    public FormDef applicationFormOf(String itemCode) {
        return forms.get(applicationFormOfItem.get(itemCode));
    }

    /** The form an event of this item filled: the application form for "submit", else its action's form. */
    public Optional<FormDef> formOfEvent(String itemCode, String action) {
        return "submit".equals(action)
                ? Optional.ofNullable(applicationFormOf(itemCode))
                : workflowOf(itemCode).action(action).map(ActionDef::form).flatMap(this::form);
    }

    /**
     * An action as a button says it: what to do (Accept) where the catalog gives an English verb;
     * otherwise, and in Chinese (受理), its name.
     */
    public String actionVerb(String code, Locale locale) {
        String verb = "en".equals(locale.getLanguage()) ? verbsEn.get(code) : null;
        return verb != null ? verb : actionName(code, locale);
    }

    /** An action as a message names it (its code, and its name in both languages). */
    public Named namedAction(String code) {
        return new Named("action", code, actionName(code, Locale.SIMPLIFIED_CHINESE), actionName(code, Locale.ENGLISH));
    }

    /** A step as a message names it. */
    public Named namedStep(String code) {
        return new Named("step", code, stepName(code, Locale.SIMPLIFIED_CHINESE), stepName(code, Locale.ENGLISH));
    }

    /** A service item as a message names it. */
    public Named namedItem(String code) {
        return new Named("item", code, itemName(code, Locale.SIMPLIFIED_CHINESE), itemName(code, Locale.ENGLISH));
    }

    /** Several service items as a message names them (a list of choices). */
    public Named namedItems(List<String> codes) {
        return new Named(
                "items",
                String.join(",", codes),
                codes.stream().map(c -> itemName(c, Locale.SIMPLIFIED_CHINESE)).collect(Collectors.joining("、")),
                codes.stream().map(c -> itemName(c, Locale.ENGLISH)).collect(Collectors.joining(", ")));
    }

    /** A department as a message names it. */
    public Named namedDepartment(String code) {
        return new Named(
                "department",
                code,
                departmentName(code, Locale.SIMPLIFIED_CHINESE),
                departmentName(code, Locale.ENGLISH));
    }

    /**
     * The label of a field of a form, for a message about it: {@code station}, or a field of a
     * repeated row such as {@code members[1].name} (the inner field's label). Empty for a path
     * the form does not have.
     */
    public Optional<String> fieldLabel(String formCode, String path, Locale locale) {
        Optional<FormDef> form = formCode == null ? Optional.empty() : form(formCode);
        if (form.isEmpty() || path == null) {
            return Optional.empty();
        }
        int bracket = path.indexOf('[');
        String top = bracket < 0 ? path : path.substring(0, bracket);
        Optional<FieldDef> field =
                form.get().fields().stream().filter(f -> f.code().equals(top)).findFirst();
        int dot = path.indexOf("].");
        if (field.isPresent() && bracket >= 0 && dot > bracket && field.get().fields() != null) {
            String inner = path.substring(dot + 2);
            return field.get().fields().stream()
                    .filter(f -> f.code().equals(inner))
                    .findFirst()
                    .map(f -> f.label(locale));
        }
        return field.map(f -> f.label(locale));
    }

    public Optional<FormDef> form(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(forms.get(code));
    }

    public Optional<ReferenceList> list(String code) {
        return Optional.ofNullable(lists.get(code));
    }

    public SupervisionRule supervision() {
        return supervision;
    }

    public DueSoonRule dueSoon() {
        return dueSoon;
    }

    public boolean hasOutcome(String code) {
        return outcomes.containsKey(code);
    }

    public String outcomeName(String code, Locale locale) {
        Label l = code == null ? null : outcomes.get(code);
        return l == null ? (code == null ? "" : code) : l.in(locale);
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
        return items.values().stream()
                .filter(i -> i.departmentCode().equals(departmentCode))
                .toList();
    }

    /**
     * The items a department works on: its own, and those where one of its steps sits in another
     * department's workflow (civil affairs confirms the low-income status of a house renovation).
     */
    public List<ServiceItem> itemsWorkedOnBy(String departmentCode) {
        return items.values().stream()
                .filter(i -> i.departmentCode().equals(departmentCode)
                        || workflowOf(i.code()).actions().stream().anyMatch(a -> departmentCode.equals(a.department())))
                .toList();
    }

    /** The items a department may transfer a ticket of this item to (转派), as the catalog allows. */
    public List<String> transfersOf(String itemCode) {
        return transfers.getOrDefault(itemCode, List.of());
    }

    /** The items this action may send a ticket of this item to (the choices its form offers); empty for one that keeps it. */
    public List<String> itemChoices(String itemCode, ActionDef a) {
        if (ActionDef.TRANSFER.equals(a.to())) {
            return transfersOf(itemCode);
        }
        if (ActionDef.ANY_ITEM.equals(a.to())) {
            return items.keySet().stream().filter(c -> !c.equals(itemCode)).toList();
        }
        return List.of();
    }

    /**
     * The form of an action on a ticket of this item, as a person fills it: for an action that moves
     * the ticket to another item, its {@code item} field offers only the items it may go to.
     */
    public FormDef formFor(String itemCode, ActionDef a) {
        FormDef form = form(a.form()).orElse(new FormDef("none", List.of()));
        if (!a.changesItem()) {
            return form;
        }
        List<Label> choices = itemChoices(itemCode, a).stream()
                .map(items::get)
                .map(i -> new Label(i.code(), i.nameZh(), i.nameEn()))
                .toList();
        return new FormDef(
                form.code(),
                form.fields().stream()
                        .map(f -> f.code().equals(TicketEvent.ITEM) ? f.withOptions(choices) : f)
                        .toList());
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
