package org.reliefdesk.logic.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.reliefdesk.logic.IsoTimes;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.catalog.Label;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Named;
import org.reliefdesk.model.PhoneNumber;
import org.reliefdesk.model.ResidentIdNumber;

/**
 * Checks what someone filled into a catalog form and returns it normalized (field order,
 * trimmed text, numbers as numbers, dates as ISO text). The first problem is thrown as an
 * {@link InvalidFieldException} naming the field (e.g. {@code jobs[3].employer}) and the rule.
 */
public final class FormValidator {

    private final Catalog catalog;
    private final boolean storedNames;

    /** A validator for forms as they are stored and sent: attachments are stored names ({@link AttachmentNames}). */
    public FormValidator(Catalog catalog) {
        this(catalog, true);
    }

    private FormValidator(Catalog catalog, boolean storedNames) {
        this.catalog = catalog;
        this.storedNames = storedNames;
    }

    /**
     * For a form being filled on this PC, whose attachment fields still hold the files a person
     * chose (copied in and named by their hash only when the form is saved).
     */
    public static FormValidator forChosenFiles(Catalog catalog) {
        return new FormValidator(catalog, false);
    }

    /**
     * @param facts what the ticket already knows (earlier forms); conditions such as
     *              "required when willing = no" read the new values first, then these
     * @param today latest plausible birth date for ID numbers
     */
    public Map<String, Object> validate(
            FormDef form, Map<String, Object> input, Map<String, Object> facts, LocalDate today) {
        return validateFields("", form.fields(), input == null ? Map.of() : input, facts, today);
    }

    /**
     * Every problem of the form at once, one per field at most, in the form's order (empty when
     * {@link #validate} accepts it): a clerk sees all that is missing, not one thing at a time.
     */
    public List<InvalidFieldException> problems(
            FormDef form, Map<String, Object> input, Map<String, Object> facts, LocalDate today) {
        List<InvalidFieldException> found = new ArrayList<>();
        Map<String, Object> values = input == null ? Map.of() : input;
        Set<String> known = form.fields().stream().map(FieldDef::code).collect(Collectors.toSet());
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                found.add(new InvalidFieldException(key, "rule.form.unknownField"));
            }
        }
        Map<String, Object> context = contextOf(values, facts);
        for (FieldDef f : form.fields()) {
            try {
                Object value = field("", f, values, context, facts, today);
                if (value != null) {
                    context.put(f.code(), value);
                }
            } catch (InvalidFieldException e) {
                found.add(e);
            }
        }
        return found;
    }

    private Map<String, Object> validateFields(
            String prefix,
            List<FieldDef> fields,
            Map<String, Object> input,
            Map<String, Object> facts,
            LocalDate today) {
        for (String key : input.keySet()) {
            if (!declares(fields, key)) {
                throw new InvalidFieldException(prefix + key, "rule.form.unknownField");
            }
        }
        Map<String, Object> context = contextOf(input, facts);
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDef f : fields) {
            Object value = field(prefix, f, input, context, facts, today);
            if (value != null) {
                out.put(f.code(), value);
                context.put(f.code(), value);
            }
        }
        return out;
    }

    /** Whether the form has a field of this code (a loop: a form has a dozen fields, and it is asked per value). */
    private static boolean declares(List<FieldDef> fields, String code) {
        for (FieldDef f : fields) {
            if (f.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> contextOf(Map<String, Object> input, Map<String, Object> facts) {
        Map<String, Object> context = new FormContext(facts);
        input.forEach((k, v) -> {
            if (v != null) {
                context.put(k, v);
            }
        });
        return context;
    }

    /** One field's value as stored, null when it is empty and may be; throws its problem. */
    private Object field(
            String prefix,
            FieldDef f,
            Map<String, Object> input,
            Map<String, Object> context,
            Map<String, Object> facts,
            LocalDate today) {
        String path = prefix.isEmpty() ? f.code() : prefix + f.code();
        Object raw = input.get(f.code());
        boolean required =
                f.required() || (f.requiredWhen() != null && f.requiredWhen().test(context));
        if (empty(raw)) {
            if (required) {
                throw new InvalidFieldException(path, "rule.required");
            }
            return null;
        }
        Object value = convert(f, path, raw, facts, today);
        if (f.mustEqual() != null
                && (f.mustEqualWhen() == null || f.mustEqualWhen().test(context))
                && !Objects.equals(f.mustEqual(), value)) {
            throw new InvalidFieldException(path, f.rule() != null ? f.rule() : "rule.form.mustEqual", f.mustEqual());
        }
        return value;
    }

    private static boolean empty(Object v) {
        return v == null || (v instanceof String s && s.isBlank()) || (v instanceof Collection<?> c && c.isEmpty());
    }

    private Object convert(FieldDef f, String path, Object raw, Map<String, Object> facts, LocalDate today) {
        return switch (f.type()) {
            case TEXT, LONG_TEXT -> {
                String s = text(path, raw);
                if (f.maxLength() != null && s.length() > f.maxLength()) {
                    throw new InvalidFieldException(path, "rule.form.maxLength", f.maxLength(), s.length());
                }
                yield s;
            }
            case INTEGER -> {
                BigDecimal n = number(path, raw);
                if (n.stripTrailingZeros().scale() > 0) {
                    throw new InvalidFieldException(path, "rule.form.integer");
                }
                yield range(f, path, n).longValueExact();
            }
            case DECIMAL -> plain(range(f, path, number(path, raw)));
            case DATE -> {
                LocalDate d;
                try {
                    d = IsoTimes.date(text(path, raw));
                } catch (DateTimeParseException e) {
                    throw new InvalidFieldException(path, "rule.form.date");
                }
                notAfter(f, path, d, today);
                yield d.toString();
            }
            case DATE_TIME -> {
                String t = dateTime(path, text(path, raw));
                notAfter(f, path, LocalDateTime.parse(t).toLocalDate(), today);
                yield t;
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                String s = String.valueOf(raw).strip();
                if (s.equals("true") || s.equals("false")) {
                    yield Boolean.valueOf(s);
                }
                throw new InvalidFieldException(path, "rule.form.boolean");
            }
            case CHOICE -> choice(f, path, text(path, raw));
            case MULTI_CHOICE -> {
                if (!(raw instanceof List<?> list)) {
                    throw new InvalidFieldException(path, "rule.form.list");
                }
                List<String> chosen = new ArrayList<>();
                for (Object o : list) {
                    String c = choice(f, path, text(path, o));
                    if (!chosen.contains(c)) {
                        chosen.add(c);
                    }
                }
                yield chosen;
            }
            case ROWS -> rows(f, path, raw, facts, today);
            case ATTACHMENT -> {
                List<?> files = raw instanceof List<?> l ? l : List.of(raw);
                List<String> names = new ArrayList<>();
                for (Object o : files) {
                    String name = text(path, o);
                    if (storedNames && !AttachmentNames.valid(name)) {
                        throw new InvalidFieldException(path, "rule.form.attachmentName");
                    }
                    names.add(name);
                }
                yield names;
            }
            case ID_NUMBER -> ResidentIdNumber.validate(path, text(path, raw), today);
            case PHONE -> PhoneNumber.validate(path, text(path, raw));
        };
    }

    private List<Map<String, Object>> rows(
            FieldDef f, String path, Object raw, Map<String, Object> facts, LocalDate today) {
        if (!(raw instanceof List<?> list)) {
            throw new InvalidFieldException(path, "rule.form.list");
        }
        if (f.minRows() != null && list.size() < f.minRows()) {
            throw new InvalidFieldException(path, "rule.form.minRows", f.minRows());
        }
        if (f.maxRows() != null && list.size() > f.maxRows()) {
            throw new InvalidFieldException(
                    path, f.rule() != null ? f.rule() : "rule.form.maxRows", f.maxRows(), list.size());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> row)) {
                throw new InvalidFieldException(path + "[" + i + "]", "rule.form.row");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            row.forEach((k, v) -> values.put(String.valueOf(k), v));
            out.add(validateFields(path + "[" + i + "].", f.fields(), values, facts, today));
        }
        return out;
    }

    private String choice(FieldDef f, String path, String value) {
        List<Label> options = f.options() != null
                ? f.options()
                : catalog.list(f.list()).map(l -> l.entries()).orElse(List.of());
        if (!offers(options, value)) {
            throw new InvalidFieldException(
                    path,
                    "rule.form.choice",
                    new Named(
                            "choices",
                            options.stream().map(Label::code).collect(Collectors.joining(",")),
                            options.stream().map(Label::zh).collect(Collectors.joining("、")),
                            options.stream().map(Label::en).collect(Collectors.joining(", "))));
        }
        return value;
    }

    private static boolean offers(List<Label> options, String code) {
        for (Label o : options) {
            if (o.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static String text(String path, Object raw) {
        if (raw instanceof String s) {
            return s.strip();
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return String.valueOf(raw);
        }
        throw new InvalidFieldException(path, "rule.text");
    }

    private static BigDecimal number(String path, Object raw) {
        try {
            return raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(text(path, raw));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(path, "rule.form.number");
        }
    }

    private static BigDecimal range(FieldDef f, String path, BigDecimal n) {
        if (f.min() != null && n.compareTo(f.min()) < 0) {
            throw new InvalidFieldException(path, "rule.form.min", f.min());
        }
        if (f.max() != null && n.compareTo(f.max()) > 0) {
            throw new InvalidFieldException(path, "rule.form.max", f.max());
        }
        return n;
    }

    /** Whole amounts as whole numbers (2100, not 2.1E+3); others keep their decimals. */
    private static Number plain(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() <= 0 ? (Number) stripped.longValueExact() : (Number) stripped.doubleValue();
    }

    private static void notAfter(FieldDef f, String path, LocalDate d, LocalDate today) {
        if (f.past() && d.isAfter(today)) {
            throw new InvalidFieldException(path, "rule.form.notAfterToday", today.toString());
        }
    }

    private static String dateTime(String path, String s) {
        try {
            return IsoTimes.dateTime(s).toString();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s)
                        .atZoneSameInstant(ChinaTime.ZONE)
                        .toLocalDateTime()
                        .toString();
            } catch (DateTimeParseException e2) {
                throw new InvalidFieldException(path, "rule.form.dateTime");
            }
        }
    }
}
