package dev.mbpo.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/**
 * A view that draws itself on a canvas filling its pane, in the window's theme and font scale
 * (presenter mode), redrawn whenever the pane is resized.
 */
abstract class CanvasView {
    protected final Canvas canvas;
    protected Theme theme = Theme.LIGHT;
    protected double fontScale = 1;

    CanvasView(double width, double height) {
        this.canvas = new Canvas(width, height);
    }

    /** Makes the canvas fill {@code holder} and redraw on every resize. */
    protected final void fill(Pane holder) {
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
    }

    void setTheme(Theme t) {
        theme = t;
        draw();
    }

    /** Presenter mode: larger labels. */
    void setFontScale(double f) {
        fontScale = f;
        draw();
    }

    protected abstract void draw();
}
