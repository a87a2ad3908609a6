package org.reliefdesk.logic.catalog;

import java.util.List;

/** A form: the fields an action asks for. */
public record FormDef(String code, List<FieldDef> fields) {

    public FormDef withCode(String newCode) {
        return new FormDef(newCode, fields);
    }
}
