package dev.mbpo.ui;

import javafx.scene.paint.Color;

/**
 * Light and dark colours for what the views draw themselves (canvases and charts); the
 * controls take theirs from workbench.css and dark.css.
 */
enum Theme {
    LIGHT("#ffffff", "#1d2433", "#6b7280", "#e9eef5", "#c3cad6", "#eceff3", "#b8481e"),
    DARK("#1e2430", "#e6e9ef", "#9aa3b2", "#2c3443", "#4a5568", "#262c38", "#f4a261");

    private final Color panel;
    private final Color text;
    private final Color muted;
    private final Color box;
    private final Color border;
    private final Color disabled;
    private final Color accent;

    Theme(String panel, String text, String muted, String box, String border, String disabled, String accent) {
        this.panel = Color.web(panel);
        this.text = Color.web(text);
        this.muted = Color.web(muted);
        this.box = Color.web(box);
        this.border = Color.web(border);
        this.disabled = Color.web(disabled);
        this.accent = Color.web(accent);
    }

    Color panel() {
        return panel;
    }

    Color text() {
        return text;
    }

    Color muted() {
        return muted;
    }

    Color box() {
        return box;
    }

    Color border() {
        return border;
    }

    Color disabled() {
        return disabled;
    }

    Color accent() {
        return accent;
    }

    java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }
}
