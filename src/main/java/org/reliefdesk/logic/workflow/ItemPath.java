package org.reliefdesk.logic.workflow;

import java.util.List;

import org.reliefdesk.model.TicketEvent;

/**
 * Which service item a ticket was under at each point of its history. A ticket moved to another
 * item (转派, 重新派单) keeps its whole history; the entry that moved it names the item it left and
 * the one it entered, so the earlier entries are read with the earlier item's forms, steps and
 * deadlines.
 */
public final class ItemPath {

    private ItemPath() {}

    /** The item the ticket was submitted under, given the item it is under now and its history in order. */
    public static String first(String current, List<TicketEvent> history) {
        for (TicketEvent e : history) {
            if (e.changesItem()) {
                return e.itemBefore();
            }
        }
        return current;
    }

    /** The item the ticket was under when {@code event} was made (before it, for an entry that moved it). */
    public static String at(String current, List<TicketEvent> history, TicketEvent event) {
        String item = first(current, history);
        for (TicketEvent e : history) {
            if (e == event || e.seq() == event.seq()) {
                return item;
            }
            if (e.changesItem()) {
                item = e.itemAfter();
            }
        }
        return item;
    }
}
