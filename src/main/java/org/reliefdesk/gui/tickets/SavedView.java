package org.reliefdesk.gui.tickets;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.model.InvalidFieldException;

/**
 * A way of looking at the tickets that a person named and keeps: the queue, the search text, the
 * sort (column ids, each with {@code :ASC} or {@code :DESC}, first decides), the columns hidden and
 * the columns narrowed to one value.
 */
public record SavedView(
        String name,
        Queue queue,
        String search,
        List<String> sort,
        Set<String> hidden,
        Map<ColumnFilter, String> filters) {

    /** Long enough for "水利·督办·崇德街道", short enough for the menu. */
    public static final int MAX_NAME = 30;

    public SavedView {
        name = name == null ? "" : name.strip();
        search = search == null ? "" : search;
        sort = List.copyOf(sort);
        hidden = Set.copyOf(hidden);
        filters = filters == null ? Map.of() : Map.copyOf(filters);
    }

    /** A view that narrows by no column. */
    public SavedView(String name, Queue queue, String search, List<String> sort, Set<String> hidden) {
        this(name, queue, search, sort, hidden, Map.of());
    }

    /**
     * This view, its name checked.
     *
     * @throws InvalidFieldException {@code viewName}: blank, or longer than {@link #MAX_NAME}
     */
    public SavedView checked() {
        if (name.isEmpty()) {
            throw new InvalidFieldException("viewName", "rule.required");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidFieldException("viewName", "rule.view.nameLength", MAX_NAME);
        }
        return this;
    }
}
