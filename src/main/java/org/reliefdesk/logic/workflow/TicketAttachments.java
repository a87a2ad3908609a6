package org.reliefdesk.logic.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.logic.catalog.FieldType;
import org.reliefdesk.model.TicketEvent;

/** Every file attached to a ticket's forms, in the order of its history (repeated rows included). */
public final class TicketAttachments {

    /** One stored file: which event and field it came with, and its stored name ({@code <sha-256>.<ext>}). */
    public record Attached(int seq, String action, FieldDef field, String storedName) {}

    private TicketAttachments() {}

    public static List<Attached> of(Catalog catalog, String itemCode, List<TicketEvent> history) {
        List<Attached> out = new ArrayList<>();
        for (TicketEvent e : history) {
            catalog.formOfEvent(itemCode, e.action()).ifPresent(form -> collect(e, form.fields(), e.formData(), out));
        }
        return out;
    }

    private static void collect(TicketEvent e, List<FieldDef> fields, Map<String, Object> values, List<Attached> out) {
        for (FieldDef f : fields) {
            Object v = values.get(f.code());
            if (f.type() == FieldType.ATTACHMENT && v instanceof List<?> names) {
                names.forEach(n -> out.add(new Attached(e.seq(), e.action(), f, String.valueOf(n))));
            } else if (f.type() == FieldType.ROWS && v instanceof List<?> rows) {
                for (Object row : rows) {
                    if (row instanceof Map<?, ?> m) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> r = (Map<String, Object>) m;
                        collect(e, f.fields(), r, out);
                    }
                }
            }
        }
    }
}
