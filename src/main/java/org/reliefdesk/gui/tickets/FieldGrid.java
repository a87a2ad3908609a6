package org.reliefdesk.gui.tickets;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * A ticket's fields as names and values in the detail pane: two pairs a row when they fit (short
 * Chinese names), else one; and when the pane is narrower than a name beside a ticket number,
 * each value under its name, so a number is never broken ("53012820261129005" over "7" in a
 * narrowed pane in English).
 */
final class FieldGrid {

    /** Room for the pane's padding and its scroll bar. */
    private static final double EDGES = 30;
    /** The least width of a value beside its name; a longer value wraps at its spaces. */
    private static final double VALUE = 100;

    private FieldGrid() {}

    /**
     * Lays {@code rows} (name, value) out in {@code grid} for a pane {@code width} wide; {@code
     * unbroken} is the width of the widest value that must stay on one line.
     */
    static void layOut(GridPane grid, List<String[]> rows, double width, double unbroken) {
        double widest = rows.stream()
                .mapToDouble(r -> new Text(r[0]).getLayoutBounds().getWidth())
                .max()
                .orElse(80);
        double value = Math.max(VALUE, Math.ceil(unbroken) + 2);
        boolean stacked = width < widest + grid.getHgap() + value + EDGES;
        int pairs = !stacked && width >= 2 * (widest + Math.max(150, value)) + EDGES ? 2 : 1;
        grid.getColumnConstraints().clear();
        for (int i = 0; i < (stacked ? 0 : pairs); i++) {
            ColumnConstraints names = new ColumnConstraints();
            names.setMinWidth(Region.USE_PREF_SIZE); // names never truncate; values wrap instead
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            values.setMinWidth(value);
            grid.getColumnConstraints().addAll(names, values);
        }
        for (int i = 0; i < rows.size(); i++) {
            Label name = new Label(rows.get(i)[0]);
            name.setStyle("-fx-text-fill: #555;");
            Label shown = new Label(rows.get(i)[1]);
            shown.setWrapText(true);
            shown.setMinHeight(Region.USE_PREF_SIZE);
            if (stacked) {
                grid.add(name, 0, 2 * i);
                grid.add(shown, 0, 2 * i + 1);
            } else {
                grid.add(name, (i % pairs) * 2, i / pairs);
                grid.add(shown, (i % pairs) * 2 + 1, i / pairs);
            }
        }
    }
}
