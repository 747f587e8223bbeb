package dev.mbpo.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Two animated agents side by side, each under its title, in halves of a grid (the Compare tab's pair). */
final class AgentCards {
    private AgentCards() {
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
