package org.reliefdesk.gui.tickets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.Place;

/** A filter's value as the column shows it: the item's, the step's or the township's name, the time limit's state. */
final class FilterNames {

    private final Catalog catalog;
    private final Texts texts;
    private final Supplier<List<Place>> townships;

    /** @param townships the scope's townships (the place directory's, with the loaded tickets'), asked once per {@link #now} */
    FilterNames(Catalog catalog, Texts texts, Supplier<List<Place>> townships) {
        this.catalog = catalog;
        this.texts = texts;
        this.townships = townships;
    }

    /** The names as of now: the townships are looked up once, not once per value. */
    BiFunction<ColumnFilter, String, String> now() {
        Map<String, String> township = new HashMap<>();
        townships.get().forEach(p -> township.put(p.code(), p.name()));
        return (column, code) -> switch (column) {
            case ITEM -> catalog.itemName(code, texts.locale());
            case STEP -> catalog.stepName(code, texts.locale());
            case TOWNSHIP -> township.getOrDefault(code, code);
            case LADDER -> texts.msg("ladder." + code);
        };
    }
}
