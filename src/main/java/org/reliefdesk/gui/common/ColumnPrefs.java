package org.reliefdesk.gui.common;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers a table's column order, widths, which are shown, and its sort for one user, in
 * {@code <data dir>/prefs/<user>.<table>.properties}; restored when the table is built.
 */
public final class ColumnPrefs {

    private static final Logger LOG = LoggerFactory.getLogger(ColumnPrefs.class);

    private ColumnPrefs() {}

    public static void attach(TableView<?> table, Path dataDir, String username, String tableName) {
        Path file = dataDir.resolve("prefs").resolve(username + "." + tableName + ".properties");
        restore(table, file);
        // Dragging a column edge fires many width changes: write once the user has stopped.
        PauseTransition later = new PauseTransition(Duration.millis(400));
        later.setOnFinished(e -> {
            if (shown(table)) {
                save(table, file);
            }
        });
        table.getColumns().addListener((ListChangeListener<TableColumn<?, ?>>) c -> later.playFromStart());
        table.getColumns().forEach(col -> {
            col.widthProperty().addListener((o, a, b) -> later.playFromStart());
            col.visibleProperty().addListener((o, a, b) -> later.playFromStart());
            col.sortTypeProperty().addListener((o, a, b) -> later.playFromStart());
        });
        table.getSortOrder().addListener((ListChangeListener<TableColumn<?, ?>>) c -> later.playFromStart());
    }

    private static <S> void restore(TableView<S> table, Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            LOG.warn("Column settings {} unreadable; using defaults", file, e);
            return;
        }
        List<TableColumn<S, ?>> columns = new ArrayList<>(table.getColumns());
        for (TableColumn<S, ?> c : columns) {
            String width = p.getProperty(c.getId() + ".width");
            if (width != null) {
                try {
                    c.setPrefWidth(Double.parseDouble(width));
                } catch (NumberFormatException ignored) {
                    // a hand-edited file: keep the default width
                }
            }
        }
        columns.sort(Comparator.comparingInt(c -> Integer.parseInt(p.getProperty(c.getId() + ".order", "999"))));
        table.getColumns().setAll(columns);
        for (TableColumn<S, ?> c : columns) {
            c.setVisible(!"false".equals(p.getProperty(c.getId() + ".visible")));
        }
        sortBy(table, List.of(p.getProperty("sort", "").split(","))); // the sort last left
    }

    /**
     * Sorts {@code table} as kept ({@link #sortOf}): "column.ladder:DESC", then "column.submitted:ASC";
     * a column not there or hidden is left out.
     */
    public static void sortBy(TableView<?> table, List<String> sort) {
        table.getSortOrder().clear();
        for (String s : sort) {
            int colon = s.lastIndexOf(':');
            String id = colon < 0 ? s : s.substring(0, colon);
            for (TableColumn<?, ?> c : table.getColumns()) {
                if (id.equals(c.getId()) && c.isVisible()) {
                    c.setSortType(
                            s.endsWith(":DESC") ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                    addSorted(table, c);
                    break;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> void addSorted(TableView<S> table, TableColumn<?, ?> c) {
        table.getSortOrder().add((TableColumn<S, ?>) c);
    }

    private static void save(TableView<?> table, Path file) {
        Properties p = new Properties();
        for (int i = 0; i < table.getColumns().size(); i++) {
            TableColumn<?, ?> c = table.getColumns().get(i);
            p.setProperty(c.getId() + ".order", String.valueOf(i));
            p.setProperty(c.getId() + ".width", String.valueOf(Math.round(c.getWidth())));
            p.setProperty(c.getId() + ".visible", String.valueOf(c.isVisible()));
        }
        p.setProperty("sort", sortOf(table));
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "ReliefDesk column order and widths");
            }
        } catch (IOException e) {
            LOG.warn("Cannot save column settings to {}", file, e);
        }
    }

    /** Whether {@code node} is in a window still shown: a closing window writes nothing (its folder may be going). */
    private static boolean shown(Node node) {
        return node.getScene() != null
                && node.getScene().getWindow() != null
                && node.getScene().getWindow().isShowing();
    }

    /** A table's sort as kept: column ids in order, each with :ASC or :DESC. */
    public static String sortOf(TableView<?> table) {
        return String.join(
                ",",
                table.getSortOrder().stream()
                        .map(c -> c.getId() + (c.getSortType() == TableColumn.SortType.DESCENDING ? ":DESC" : ":ASC"))
                        .toList());
    }

    /**
     * Remembers where a split pane's first divider was left, in {@code <data dir>/prefs/<user>.<name>.properties};
     * restored when the pane is built (between 0.2 and 0.85, so a pane is never dragged out of reach).
     */
    public static void attachDivider(SplitPane split, Path dataDir, String username, String name) {
        Path file = dataDir.resolve("prefs").resolve(username + "." + name + ".properties");
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
                double at = Double.parseDouble(p.getProperty("divider", "x"));
                split.setDividerPositions(Math.max(0.2, Math.min(0.85, at)));
            } catch (IOException | NumberFormatException e) {
                LOG.warn("Divider setting {} unreadable; using the default", file, e);
            }
        }
        PauseTransition later = new PauseTransition(Duration.millis(400));
        later.setOnFinished(e -> {
            if (!shown(split)) {
                return;
            }
            Properties p = new Properties();
            p.setProperty("divider", String.valueOf(split.getDividerPositions()[0]));
            try {
                Files.createDirectories(file.getParent());
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    p.store(out, "ReliefDesk divider position");
                }
            } catch (IOException ex) {
                LOG.warn("Cannot save the divider position to {}", file, ex);
            }
        });
        split.getDividers().get(0).positionProperty().addListener((o, a, b) -> later.playFromStart());
    }
}
