package org.reliefdesk.logic.catalog;

import java.util.List;

/** An editable list of choices (diseases), with where its entries come from. */
public record ReferenceList(String code, String source, List<Label> entries) {}
