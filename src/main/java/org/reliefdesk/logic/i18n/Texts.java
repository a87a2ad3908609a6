package org.reliefdesk.logic.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Named;

/**
 * Every user-visible string, from the {@code messages} bundles (zh_CN first, en second).
 * Field names in validation messages are keys too ({@code field.<name>}).
 */
public final class Texts {

    public static final String BUNDLE = "org.reliefdesk.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** A form's table row, or a field in one: {@code income[0]}, {@code income[0].item}. */
    private static final Pattern ROW_FIELD = Pattern.compile("([^\\[\\]]+)\\[(\\d{1,6})](?:\\.(.+))?");

    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: an English machine still gets zh_CN unless asked.
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** "en" → English, anything else → Simplified Chinese. */
    public static Texts forLanguage(String language) {
        return new Texts("en".equalsIgnoreCase(language) ? Locale.ENGLISH : CHINESE);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String msg(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** Human name of a field path such as {@code applicant.idNumber}; falls back to the path. */
    public String fieldName(String field) {
        return bundle.containsKey("field." + field) ? bundle.getString("field." + field) : field;
    }

    /** The broken rule in words, without the field. */
    public String ruleText(InvalidFieldException e) {
        List<Object> args = e.args();
        // catalog things named by logic are said here, in this language
        return msg(
                e.rule(),
                args.stream().map(a -> a instanceof Named n ? n.in(locale) : a).toArray());
    }

    /** "身份证号：校验位错误…" — the field named, then the rule. */
    public String describe(InvalidFieldException e) {
        return msg("rule.format", heading(fieldName(e.field())), ruleText(e));
    }

    /**
     * The same, for a field of a catalog form: {@code formLabels} names the form's fields (empty
     * for a field it does not know, which is then named as above).
     */
    public String describe(InvalidFieldException e, Function<String, Optional<String>> formLabels) {
        return msg("rule.format", heading(formFieldName(e.field(), formLabels)), ruleText(e));
    }

    /**
     * A form field's name: a table's row ({@code income[0]}) or a field in it ({@code
     * income[0].item}) with its table and row counted from 1 ("家庭收入第 1 行的“项目”"), since a
     * form may hold two tables with the same columns; other fields as {@code labels} names them.
     */
    private String formFieldName(String path, Function<String, Optional<String>> labels) {
        Matcher row = ROW_FIELD.matcher(path);
        if (row.matches()) {
            Optional<String> table = labels.apply(row.group(1));
            Optional<String> column = row.group(3) == null ? Optional.empty() : labels.apply(path);
            int n = Integer.parseInt(row.group(2)) + 1;
            if (table.isPresent() && column.isPresent()) {
                return msg("field.inRow", table.get(), n, column.get());
            }
            if (table.isPresent() && row.group(3) == null) {
                return msg("field.row", table.get(), n);
            }
        }
        return labels.apply(path).orElseGet(() -> fieldName(path));
    }

    /** A field's name where it stands first, as in a label beside its field ("Report date"). */
    public String fieldHeading(String field) {
        return heading(fieldName(field));
    }

    /**
     * A text shown on its own that is also said inside other messages ("…: the answer from … is
     * not …"): at the head of a line its first letter is raised in English; Chinese has no case.
     */
    public String atHead(String text) {
        // only English sentences: a Chinese one may open with an address, as may an English one
        if (text == null || !"en".equals(locale.getLanguage()) || text.matches("^[a-z][a-z0-9+.-]*://.*")) {
            return text;
        }
        return heading(text);
    }

    /**
     * A field's name where it opens a message: English names are kept in lower case for use inside
     * sentences ("the report date must be …"), so at a message's head the first letter is raised
     * ("Report date: …"); Chinese has no case.
     */
    private String heading(String name) {
        if (name.isEmpty() || !Character.isLowerCase(name.charAt(0))) {
            return name;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
