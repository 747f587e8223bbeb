package dev.mbpo.ui;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * The window's presenter settings: a light or dark theme (controls, canvases and charts) and
 * large fonts for the back row (every font about 40% larger).
 */
final class PresenterMode {
    private final Region root;
    private final LoopDiagramView loopDiagram;
    private final PhasePortraitView phasePortrait;
    private final WorkbenchToolbar toolbar;
    private Theme theme = Theme.LIGHT;
    private boolean largeFont;

    PresenterMode(Region root, LoopDiagramView loopDiagram, PhasePortraitView phasePortrait, WorkbenchToolbar toolbar) {
        this.root = root;
        this.loopDiagram = loopDiagram;
        this.phasePortrait = phasePortrait;
        this.toolbar = toolbar;
    }

    void setTheme(Theme t) {
        theme = t;
        String dark = Workbench.class.getResource("dark.css").toExternalForm();
        root.getStylesheets().remove(dark);
        if (t == Theme.DARK) {
            root.getStylesheets().add(dark);
        }
        loopDiagram.setTheme(t);
        phasePortrait.setTheme(t);
        toolbar.showTheme(t);
        restyleCharts();
    }

    Theme theme() {
        return theme;
    }

    void setLargeFont(boolean on) {
        largeFont = on;
        root.setStyle(on ? "-fx-font-size: 17px;" : "");
        toolbar.showLargeFont(on);
        loopDiagram.setFontScale(on ? 1.25 : 1);
        phasePortrait.setFontScale(on ? 1.3 : 1);
        restyleCharts();
    }

    boolean largeFont() {
        return largeFont;
    }

    private void restyleCharts() {
        for (Node n : root.lookupAll(".plot-panel")) {
            if (n instanceof PlotPanel p) {
                Charts.applyTheme(p.chart(), theme, largeFont ? 1.45 : 1.0);
            }
        }
    }
}
