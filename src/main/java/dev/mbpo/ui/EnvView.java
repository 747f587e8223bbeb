package dev.mbpo.ui;

import dev.mbpo.run.EpisodeKind;
import dev.mbpo.run.RunEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The environment, animated: plays the latest evaluation episode (or the episodes a replay
 * selects) at real speed or faster, looping until a newer one arrives.
 */
final class EnvView implements RunView {
    private final Canvas canvas = new Canvas(360, 260);
    private final BorderPane node = new BorderPane();
    private final ComboBox<String> speed = new ComboBox<>();
    private final Label caption = new Label("no episode yet");
    private EnvRenderer renderer;
    private String envId;
    private RunEvent.Episode episode;
    private double frame;
    private long lastNanos;

    EnvView() {
        Pane holder = new Pane(canvas);
        holder.setMinSize(160, 120);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        speed.getItems().addAll("1x", "2x", "4x", "10x");
        speed.setValue("2x");
        speed.setId("env-speed");
        caption.setId("env-caption");
        speed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label speedLabel = new Label("Speed");
        speedLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // The caption has a line of its own and wraps, so the return at its end is never cut.
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, speedLabel, speed);
        bar.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.VBox head = new javafx.scene.layout.VBox(2, bar, caption);
        head.setPadding(new Insets(2, 6, 2, 6));
        node.setTop(head);
        node.setCenter(holder);
        node.setId("env-view");
        node.getStyleClass().add("env-view");
    }

    BorderPane node() {
        return node;
    }

    void setEnvironment(String id) {
        if (id.equals(envId) && renderer != null) {
            draw();
            return;
        }
        if (renderer != null) {
            renderer.close();
        }
        envId = id;
        renderer = EnvRenderer.forEnv(id);
        draw();
    }

    /** Plays this episode from its start. */
    void play(RunEvent.Episode e) {
        play(e, String.format("%s episode at step %,d", e.kind(), e.step()));
    }

    /** Plays this episode from its start under a caption of its own (e.g. a checkpoint's policy); the return follows it. */
    void play(RunEvent.Episode e, String what) {
        if (e.states().length == 0) {
            return;
        }
        episode = e;
        frame = 0;
        caption.setText(String.format("%s: return %.1f", what, e.episodeReturn()));
    }

    String captionText() {
        return caption.getText();
    }

    /** The environment drawn (that of the run shown, or of the settings before any run). */
    String envId() {
        return envId;
    }

    RunEvent.Episode episode() {
        return episode;
    }

    @Override
    public void accept(RunEvent e) {
        if (e instanceof RunEvent.Started s && !s.env().equals(envId)) {
            setEnvironment(s.env());
        } else if (e instanceof RunEvent.Episode ep && ep.kind() == EpisodeKind.EVAL && ep.states().length > 0) {
            play(ep);
        }
    }

    @Override
    public void reset() {
        episode = null;
        caption.setText("no episode yet");
        draw();
    }

    /** Advances the animation; called every frame. */
    void tick(long now) {
        if (lastNanos == 0) {
            lastNanos = now;
        }
        double seconds = (now - lastNanos) / 1e9;
        lastNanos = now;
        if (episode != null && renderer != null) {
            double factor = Double.parseDouble(speed.getValue().replace("x", ""));
            frame += seconds * factor / renderer.dt();
            if (frame >= episode.states().length) {
                frame = 0;
            }
        }
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#fbfbfd"));
        g.fillRect(0, 0, w, h);
        if (renderer == null || episode == null) {
            g.setFill(Color.web("#888888"));
            g.setFont(Font.font(13));
            g.fillText("The latest evaluation episode plays here.", 12, 24);
            return;
        }
        int i = Math.min((int) frame, episode.states().length - 1);
        float[] a = i < episode.actions().length ? episode.actions()[i] : null;
        renderer.draw(g, w, h, episode.states()[i], a);
        g.setFill(Color.web("#555555"));
        g.setFont(Font.font(11));
        g.fillText("t = " + i + " / " + (episode.states().length - 1), 8, h - 8);
    }
}
