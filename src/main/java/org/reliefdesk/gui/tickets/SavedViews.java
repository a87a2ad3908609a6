package org.reliefdesk.gui.tickets;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.model.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One person's saved views, in {@code <data dir>/prefs/<user>.views.properties}: read when the
 * workbench opens, written whole (to a temporary file, then moved) after each change, off the FX
 * thread. Choosing one sets the queue and the search here; the table takes its sort and columns.
 */
public final class SavedViews {

    private static final Logger LOG = LoggerFactory.getLogger(SavedViews.class);

    private final Path file;
    private final UiTasks tasks;
    private final TicketList list;
    private final ObservableList<SavedView> views = FXCollections.observableArrayList();

    SavedViews(Path dataDir, String username, UiTasks tasks, TicketList list) {
        this.file = dataDir.resolve("prefs").resolve(username + ".views.properties");
        this.tasks = tasks;
        this.list = list;
    }

    /** Reads the saved views off the FX thread. */
    public void load() {
        tasks.run(
                UiTasks.Lane.HOUSEKEEPING, p -> read(file), views::setAll, e -> LOG.warn("Saved views unreadable", e));
    }

    /**
     * Keeps {@code view} (checked) under its name, replacing one of the same name in its place.
     *
     * @throws org.reliefdesk.model.InvalidFieldException the name is blank or too long: nothing changes
     */
    public void save(SavedView view) {
        SavedView checked = view.checked();
        int at = indexOf(checked.name());
        if (at >= 0) {
            views.set(at, checked);
        } else {
            views.add(checked);
        }
        write();
    }

    /** Why {@code name} cannot be a view's name, if it cannot (said as it is typed). */
    public Optional<InvalidFieldException> refusal(String name) {
        try {
            new SavedView(name, Queue.ALL, "", List.of(), Set.of()).checked();
            return Optional.empty();
        } catch (InvalidFieldException e) {
            return Optional.of(e);
        }
    }

    /** Whether a view of this name is kept (saving under it replaces it). */
    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    public void delete(String name) {
        int at = indexOf(name);
        if (at >= 0) {
            views.remove(at);
            write();
        }
    }

    /** Shows the view's queue and search; {@code table} applies its sort and columns. */
    public void apply(SavedView view, Consumer<SavedView> table) {
        list.queueProperty().set(view.queue());
        list.searchProperty().set(view.search());
        list.filters().clear();
        list.filters().putAll(view.filters());
        table.accept(view);
    }

    /** The current queue and search with the table's sort and hidden columns, under {@code name}. */
    public SavedView current(String name, List<String> sort, List<String> hidden) {
        return new SavedView(
                name,
                list.queueProperty().get(),
                list.searchProperty().get(),
                sort,
                new LinkedHashSet<>(hidden),
                list.filters());
    }

    public ObservableList<SavedView> views() {
        return views;
    }

    private int indexOf(String name) {
        String n = name == null ? "" : name.strip();
        for (int i = 0; i < views.size(); i++) {
            if (views.get(i).name().equals(n)) {
                return i;
            }
        }
        return -1;
    }

    private void write() {
        List<SavedView> now = List.copyOf(views);
        tasks.run(
                UiTasks.Lane.HOUSEKEEPING,
                p -> {
                    Properties props = new Properties();
                    for (int i = 0; i < now.size(); i++) {
                        SavedView v = now.get(i);
                        props.setProperty(i + ".name", v.name());
                        props.setProperty(i + ".queue", v.queue().name());
                        props.setProperty(i + ".search", v.search());
                        props.setProperty(i + ".sort", String.join(",", v.sort()));
                        props.setProperty(i + ".hidden", String.join(",", v.hidden()));
                        for (Map.Entry<ColumnFilter, String> f : v.filters().entrySet()) {
                            props.setProperty(i + ".filter." + f.getKey().name(), f.getValue());
                        }
                    }
                    // whole or not at all: a power cut while writing keeps the views as they were
                    Files.createDirectories(file.getParent());
                    Path tmp = file.resolveSibling(file.getFileName() + ".part");
                    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                        props.store(w, "ReliefDesk saved views");
                    }
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return now.size();
                },
                n -> {},
                e -> LOG.warn("Cannot save the views to {}", file, e));
    }

    /** The views kept in {@code file}, in their order; a damaged entry is skipped, the others kept. */
    static List<SavedView> read(Path file) throws IOException {
        List<SavedView> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        for (int i = 0; p.containsKey(i + ".name"); i++) {
            try {
                out.add(new SavedView(
                                p.getProperty(i + ".name"),
                                Queue.valueOf(p.getProperty(i + ".queue", Queue.ALL.name())),
                                p.getProperty(i + ".search", ""),
                                words(p.getProperty(i + ".sort", "")),
                                new LinkedHashSet<>(words(p.getProperty(i + ".hidden", ""))),
                                filtersOf(p, i))
                        .checked());
            } catch (RuntimeException e) {
                LOG.warn("Saved view {} in {} skipped", i, file, e);
            }
        }
        return out;
    }

    private static Map<ColumnFilter, String> filtersOf(Properties p, int i) {
        Map<ColumnFilter, String> filters = new EnumMap<>(ColumnFilter.class);
        for (ColumnFilter f : ColumnFilter.values()) {
            String code = p.getProperty(i + ".filter." + f.name());
            if (code != null && !code.isBlank()) {
                filters.put(f, code);
            }
        }
        return filters;
    }

    private static List<String> words(String joined) {
        return joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
