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
        // each entry's form is its item's at the time (a ticket may have been transferred since)
        String item = ItemPath.first(itemCode, history);
        for (TicketEvent e : history) {
            catalog.formOfEvent(item, e.action()).ifPresent(form -> collect(e, form.fields(), e.formData(), out));
            if (e.changesItem()) {
                item = e.itemAfter();
            }
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
