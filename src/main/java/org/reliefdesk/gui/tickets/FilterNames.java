package org.reliefdesk.gui.tickets;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.Ticket;

/** A filter's value as the column shows it: the item's, the step's or the township's name, the time limit's state. */
final class FilterNames {

    private final Catalog catalog;
    private final Texts texts;
    private final TicketList list;

    FilterNames(Catalog catalog, Texts texts, TicketList list) {
        this.catalog = catalog;
        this.texts = texts;
        this.list = list;
    }

    String name(ColumnFilter column, String code) {
        return switch (column) {
            case ITEM -> catalog.itemName(code, texts.locale());
            case STEP -> catalog.stepName(code, texts.locale());
            case TOWNSHIP ->
                list.all().stream()
                        .map(Ticket::township)
                        .filter(p -> p.code().equals(code))
                        .findFirst()
                        .map(p -> p.name())
                        .orElse(code);
            case LADDER -> texts.msg("ladder." + code);
        };
    }
}
