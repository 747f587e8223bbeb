package dev.mbpo.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Compare tab's layout pieces: its row of controls, and two animated agents side by side under their titles. */
final class AgentCards {
    private AgentCards() {
    }

    /** A row that wraps rather than cutting a control's text (large fonts, narrow windows). */
    static javafx.scene.layout.FlowPane bar(javafx.scene.Node... nodes) {
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 4, nodes);
        for (javafx.scene.Node n : nodes) {
            if (n instanceof javafx.scene.control.Control c) {
                c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        return bar;
    }

    static void fill(GridPane grid, Label leftTitle, EnvView left, Label rightTitle, EnvView right) {
        grid.setHgap(6);
        grid.add(card(leftTitle, left), 0, 0);
        grid.add(card(rightTitle, right), 1, 0);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            grid.getColumnConstraints().add(c);
        }
        GridPane.setVgrow(grid.getChildren().get(0), Priority.ALWAYS);
        GridPane.setVgrow(grid.getChildren().get(1), Priority.ALWAYS);
    }

    private static VBox card(Label title, EnvView env) {
        VBox v = new VBox(2, title, env.node());
        VBox.setVgrow(env.node(), Priority.ALWAYS);
        v.setPadding(new Insets(4));
        v.getStyleClass().add("teaching-card");
        return v;
    }
}
