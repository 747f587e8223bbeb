package dev.mbpo.ui;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/** The window's tabs and the grids of the Dashboard and Teaching tabs. */
final class WorkbenchLayout {
    private WorkbenchLayout() {
    }

    /** Six panels, three by two: returns, model error, SAC; disagreement, real vs imagined, environment. */
    static Node dashboard(Node returns, Node model, Node sac, Node disagreement, Node prediction, Node env) {
        GridPane grid = grid();
        grid.add(returns, 0, 0);
        grid.add(model, 1, 0);
        grid.add(sac, 2, 0);
        grid.add(disagreement, 0, 1);
        grid.add(prediction, 1, 1);
        grid.add(env, 2, 1);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        // The lower panels carry a row of controls above their charts (tabs, choosers, speed):
        // they get the larger share, so that at 1366x768 with large fonts every chart keeps room.
        for (double share : new double[] {45, 55}) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(share);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        return grid;
    }

    /** The loop diagram above the horizon explorer on the left, the phase portrait on the right. */
    static Node teaching(Node loopDiagram, Node horizon, Node phasePortrait) {
        GridPane grid = grid();
        grid.add(card(loopDiagram), 0, 0);
        grid.add(horizon, 0, 1);
        grid.add(card(phasePortrait), 1, 0, 1, 2);
        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(44);
        ColumnConstraints right = new ColumnConstraints();
        right.setPercentWidth(56);
        grid.getColumnConstraints().addAll(left, right);
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(42);
        RowConstraints bottom = new RowConstraints();
        bottom.setPercentHeight(58);
        grid.getRowConstraints().addAll(top, bottom);
        for (Node n : grid.getChildren()) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            GridPane.setVgrow(n, Priority.ALWAYS);
        }
        return grid;
    }

    /** The three tabs, which cannot be closed. */
    static void fillTabs(TabPane tabs, Node dashboard, Node teaching, Node compare) {
        Tab dash = new Tab("Dashboard", dashboard);
        Tab teach = new Tab("Teaching", teaching);
        Tab cmp = new Tab("Compare", compare);
        dash.setId("tab-dashboard");
        teach.setId("tab-teaching");
        cmp.setId("tab-compare");
        tabs.getTabs().addAll(dash, teach, cmp);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        return grid;
    }

    private static Node card(Node content) {
        BorderPane card = new BorderPane(content);
        card.getStyleClass().add("teaching-card");
        return card;
    }

    /** Selects a tab by its name (dashboard, teaching or compare), in any case. */
    static void select(javafx.scene.control.TabPane tabs, String name) {
        for (javafx.scene.control.Tab t : tabs.getTabs()) {
            if (t.getText().equalsIgnoreCase(name)) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        throw new IllegalArgumentException("no tab '" + name + "'; tabs: dashboard, teaching, compare");
    }
}
