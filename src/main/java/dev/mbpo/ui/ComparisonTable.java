package dev.mbpo.ui;

import dev.mbpo.run.ComparisonRow;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The comparison table of MBPO's neighbours, filled with measured figures (one row per run,
 * {@link ComparisonRow}): real steps and wall time to the threshold, milliseconds per action
 * once deployed, online interaction, and how model error is handled.
 */
final class ComparisonTable {
    /** Columns widen to their header and cells: nothing in the table is shortened, at any font size. */
    private final TableView<ComparisonRow> table = new TableView<>() {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            boolean widened = false;
            for (javafx.scene.Node n : lookupAll(".column-header")) {
                if (n instanceof javafx.scene.control.skin.TableColumnHeader h && h.lookup(".label") instanceof Label l) {
                    widened |= fit(h.getTableColumn(), l.prefWidth(-1) + 14);
                }
            }
            for (javafx.scene.Node n : lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.getText() != null && !c.getText().isEmpty()) {
                    // A cell's own preferred width follows its column: measure its text instead.
                    javafx.scene.text.Text t = new javafx.scene.text.Text(c.getText());
                    t.setFont(c.getFont());
                    widened |= fit(c.getTableColumn(), t.getLayoutBounds().getWidth() + c.snappedLeftInset() + c.snappedRightInset() + 6);
                }
            }
            if (widened) {
                requestLayout();
            }
        }
    };

    private static boolean fit(javafx.scene.control.TableColumnBase<?, ?> column, double need) {
        if (column == null || column.getWidth() >= need - 0.5) {
            return false;
        }
        column.setPrefWidth(Math.ceil(need));
        return true;
    }
    private final TableColumn<ComparisonRow, String> stepsTo = column("Real steps to R", r -> r.realStepsTo() < 0
            ? "not reached" : String.format(Locale.ROOT, "%,d", r.realStepsTo()), 110);
    private final TableColumn<ComparisonRow, String> wallTo = column("Wall time to R", r -> Double.isNaN(r.wallSecondsTo())
            ? "-" : String.format(Locale.ROOT, "%.0f s", r.wallSecondsTo()), 100);

    ComparisonTable() {
        table.setId("compare-table");
        table.getColumns().add(column("Algorithm", r -> r.algorithm().label().toUpperCase(Locale.ROOT), 80));
        table.getColumns().add(stepsTo);
        table.getColumns().add(wallTo);
        table.getColumns().add(column("ms / action", r -> Double.isNaN(r.actMillis()) ? "-"
                : String.format(Locale.ROOT, r.actMillis() < 10 ? "%.2f" : "%.0f", r.actMillis()), 80));
        table.getColumns().add(column("Best return", r -> Double.isNaN(r.bestReturn()) ? "-"
                : String.format(Locale.ROOT, "%.1f", r.bestReturn()), 90));
        table.getColumns().add(column("Online interaction", ComparisonRow::interaction, 230));
        table.getColumns().add(column("Model error", ComparisonRow::modelError, 300));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("Open saved runs of SAC, MBPO, MPC and offline on one task to fill the table"));
        table.setMinHeight(0);
        table.setVisible(false); // shown with its first row: an empty table would take the plot's room
        table.setManaged(false);
    }

    private static TableColumn<ComparisonRow, String> column(String title, Function<ComparisonRow, String> value, double width) {
        TableColumn<ComparisonRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** Shows these rows; {@code threshold} names the return the "to R" columns measure. */
    void show(List<ComparisonRow> rows, double threshold) {
        String r = String.format(Locale.ROOT, "%.0f", threshold);
        stepsTo.setText("Real steps to " + r);
        wallTo.setText("Wall time to " + r);
        table.getItems().setAll(rows);
        table.setVisible(!rows.isEmpty());
        table.setManaged(!rows.isEmpty());
        table.setPrefHeight(36 + 30 * rows.size() + 16); // the header, the rows, a scroll bar; the plot keeps the rest
    }

    TableView<ComparisonRow> node() {
        return table;
    }

    int rows() {
        return table.getItems().size();
    }
}
