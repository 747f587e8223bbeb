package dev.mbpo.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/**
 * A view that draws itself on a canvas filling its pane, in the window's theme and font scale
 * (presenter mode), redrawn whenever the pane is resized and once per batch of events.
 */
abstract class CanvasView {
    protected final Canvas canvas;
    protected Theme theme = Theme.LIGHT;
    protected double fontScale = 1;
    /** Set when events changed what is drawn; {@link #flush} redraws once per batch. */
    protected boolean dirty = true;

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

    /** Redraws once after a batch of events, if anything changed (RunView's flush). */
    public void flush() {
        if (dirty) {
            dirty = false;
            draw();
        }
    }

    protected abstract void draw();
}
