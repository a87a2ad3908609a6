package org.reliefdesk.gui.tickets;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.model.Ticket;

/**
 * The list side of the workbench: every ticket of the snapshot, the chosen queue, the search
 * text, the tickets shown, and how many each queue holds. Lists change in place: a snapshot that
 * replaced a few tickets replaces those rows only.
 */
public final class TicketList {

    /** Recent results by queue and search text: a backspace shows again what was just shown. */
    private static final int RECENT_RESULTS = 24;

    private final ObservableList<Ticket> all = FXCollections.observableArrayList();
    private final ObservableList<Ticket> visible = FXCollections.observableArrayList();
    private final ObjectProperty<Queue> queue = new SimpleObjectProperty<>(Queue.ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableMap<ColumnFilter, String> filters =
            FXCollections.observableMap(new EnumMap<>(ColumnFilter.class));
    private final Map<Queue, IntegerProperty> counts = new EnumMap<>(Queue.class);
    private final Map<String, List<Ticket>> recent = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Ticket>> eldest) {
            return size() > RECENT_RESULTS;
        }
    };
    private ScopeSnapshot snapshot = ScopeSnapshot.EMPTY;

    TicketList() {
        for (Queue q : Queue.values()) {
            counts.put(q, new SimpleIntegerProperty());
        }
        queue.addListener((o, a, b) -> narrow());
        search.addListener((o, a, b) -> narrow());
        filters.addListener((MapChangeListener<ColumnFilter, String>) c -> narrow());
    }

    /** Shows a new snapshot; {@code changed} are the tickets it replaced (null: everything may have). */
    void show(ScopeSnapshot next, Set<UUID> changed) {
        ScopeSnapshot before = snapshot;
        snapshot = next;
        recent.clear();
        if (changed != null
                && before.tickets().size() + countNew(before, changed)
                        == next.tickets().size()) {
            recountChanged(before, next, changed);
        } else {
            recountAll();
        }
        replaceInPlace(all, next.tickets());
        narrow();
    }

    private static int countNew(ScopeSnapshot before, Set<UUID> changed) {
        return (int)
                changed.stream().filter(id -> !before.clocks().containsKey(id)).count();
    }

    private void recountAll() {
        for (Queue q : Queue.values()) {
            int n = 0;
            for (Ticket t : snapshot.tickets()) {
                if (in(q, t, snapshot)) {
                    n++;
                }
            }
            counts.get(q).set(n);
        }
    }

    /** Moves only the changed tickets between the queues' counts. */
    private void recountChanged(ScopeSnapshot before, ScopeSnapshot next, Set<UUID> changed) {
        Map<UUID, Ticket> old = new HashMap<>();
        Map<UUID, Ticket> now = new HashMap<>();
        for (Ticket t : before.tickets()) {
            if (changed.contains(t.id())) {
                old.put(t.id(), t);
            }
        }
        for (Ticket t : next.tickets()) {
            if (changed.contains(t.id())) {
                now.put(t.id(), t);
            }
        }
        for (Queue q : Queue.values()) {
            int n = counts.get(q).get();
            for (Ticket t : old.values()) {
                n -= in(q, t, before) ? 1 : 0;
            }
            for (Ticket t : now.values()) {
                n += in(q, t, next) ? 1 : 0;
            }
            counts.get(q).set(n);
        }
    }

    private static boolean in(Queue q, Ticket t, ScopeSnapshot s) {
        TicketClock c = s.clocks().get(t.id());
        return c != null && q.contains(t, c, s.actionable().contains(t.id()));
    }

    /**
     * Shows the tickets of the chosen queue that match the search text. Every ticket number starts
     * with the county code: its digits typed one by one leave the same tickets, and the shown list
     * is then left as it is.
     */
    void narrow() {
        Queue q = queue.get();
        String text = search.get() == null ? "" : search.get().strip();
        Map<ColumnFilter, String> by = Map.copyOf(filters);
        String key = q.name() + '\u0000' + text + '\u0000' + (by.isEmpty() ? "" : new TreeMap<>(by));
        List<Ticket> found = recent.get(key);
        if (found == null) {
            ScopeSnapshot s = snapshot;
            found = s.search().find(text, t -> (q == Queue.ALL || in(q, t, s)) && matches(by, t, s));
            recent.put(key, found);
        }
        replaceInPlace(visible, found);
    }

    private static boolean matches(Map<ColumnFilter, String> by, Ticket t, ScopeSnapshot s) {
        for (Map.Entry<ColumnFilter, String> f : by.entrySet()) {
            if (!f.getValue().equals(f.getKey().codeOf(t, s.clocks().get(t.id())))) {
                return false;
            }
        }
        return true;
    }

    /** The codes the tickets in scope hold in {@code column}, each once, most frequent first (the filter's choices). */
    public List<String> valuesOf(ColumnFilter column) {
        Map<String, Integer> seen = new HashMap<>();
        for (Ticket t : snapshot.tickets()) {
            seen.merge(column.codeOf(t, snapshot.clocks().get(t.id())), 1, Integer::sum);
        }
        return seen.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Makes {@code target} equal {@code next}: row by row when only some rows changed, else all at once. */
    static <T> void replaceInPlace(ObservableList<T> target, List<T> next) {
        if (target.size() != next.size()) {
            target.setAll(next);
            return;
        }
        int differ = 0;
        for (int i = 0; i < next.size() && differ <= 64; i++) {
            differ += target.get(i) != next.get(i) ? 1 : 0;
        }
        if (differ > 64) {
            target.setAll(next);
            return;
        }
        for (int i = 0; i < next.size() && differ > 0; i++) {
            if (target.get(i) != next.get(i)) {
                target.set(i, next.get(i));
                differ--;
            }
        }
    }

    public ObservableList<Ticket> all() {
        return all;
    }

    public ObservableList<Ticket> visible() {
        return visible;
    }

    public ObjectProperty<Queue> queueProperty() {
        return queue;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The columns the list is narrowed by, each to one code; empty: none. */
    public ObservableMap<ColumnFilter, String> filters() {
        return filters;
    }

    public IntegerProperty countProperty(Queue q) {
        return counts.get(q);
    }
}
