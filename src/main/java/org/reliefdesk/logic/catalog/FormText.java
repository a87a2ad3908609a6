package org.reliefdesk.logic.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.TicketEvent;

/** What an event's form said, in one line, with the catalog's field labels and option names. */
public final class FormText {

    private FormText() {}

    public static String summarize(Catalog catalog, String itemCode, TicketEvent e, Texts texts) {
        FormDef form = catalog.formOfEvent(itemCode, e.action()).orElse(null);
        Map<String, FieldDef> fields = new HashMap<>();
        if (form != null) {
            form.fields().forEach(f -> fields.put(f.code(), f));
        }
        String values = e.formData().entrySet().stream()
                .map(en -> {
                    FieldDef f = fields.get(en.getKey());
                    String name = f != null ? f.label(texts.locale()) : texts.fieldName("form." + en.getKey());
                    Object value = en.getKey().equals(TicketEvent.FROM_ITEM)
                            ? catalog.itemName(String.valueOf(en.getValue()), texts.locale())
                            : en.getValue();
                    return texts.msg("text.labelled", name, show(catalog, f, value, texts));
                })
                .collect(Collectors.joining(texts.msg("text.clauseSeparator")));
        String outcome = e.outcome() == null
                ? ""
                : texts.msg("history.outcome", catalog.outcomeName(e.outcome(), texts.locale()));
        return String.join(
                texts.msg("text.clauseSeparator"),
                List.of(e.note() == null ? "" : e.note(), outcome, values).stream()
                        .filter(s -> !s.isEmpty())
                        .toList());
    }

    private static String show(Catalog catalog, FieldDef f, Object value, Texts texts) {
        if (value instanceof Boolean b) {
            return texts.msg(b ? "value.yes" : "value.no");
        }
        if (value instanceof List<?> list && f != null && f.fields() != null) {
            return texts.msg("value.rows", list.size());
        }
        // attachments are stored under their content hash, a name that says nothing to a person:
        // they are counted here and shown as pictures beside the history
        if (f != null && f.type() == FieldType.ATTACHMENT) {
            return texts.msg("value.files", value instanceof List<?> list ? list.size() : 1);
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(v -> show(catalog, f, v, texts))
                    .collect(Collectors.joining(texts.msg("text.listSeparator")));
        }
        if (f != null && f.type() == FieldType.DATE_TIME && value instanceof String at) {
            return at.replace('T', ' '); // 2021-08-06 14:59, as every other time is shown
        }
        if (f != null && value instanceof String code) {
            List<Label> options = f.options() != null
                    ? f.options()
                    : f.list() != null
                            ? catalog.list(f.list()).map(l -> l.entries()).orElse(List.of())
                            : List.of();
            for (Label o : options) {
                if (o.code().equals(code)) {
                    return o.in(texts.locale());
                }
            }
        }
        return String.valueOf(value);
    }
}
