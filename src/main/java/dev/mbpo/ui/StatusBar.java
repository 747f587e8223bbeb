package dev.mbpo.ui;

import dev.mbpo.run.RunEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Phase, steps, epoch, speed, device, elapsed and remaining time, and a progress bar. */
final class StatusBar extends HBox implements RunView {
    private final Label phase = label("status-phase", "idle");
    private final Label steps = label("status-steps", "steps 0");
    private final Label epoch = label("status-epoch", "epoch -");
    private final Label speed = label("status-speed", "- steps/s");
    private final Label device = label("status-device", "device -");
    private final Label time = label("status-time", "elapsed 0:00:00");
    /** Free text (what just happened); the only field that may be shortened, its whole text in the tooltip. */
    private final Label message = label("status-message", "");
    private final ProgressBar progress = new ProgressBar(0);
    private long epochSteps = 1;

    StatusBar() {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(14);
        setPadding(new Insets(4, 10, 4, 10));
        progress.setId("status-progress");
        progress.setPrefWidth(220);
        progress.setMinWidth(40); // the bar gives way first, then the message: the figures are never cut
        message.setMinWidth(0);
        javafx.scene.control.Tooltip full = new javafx.scene.control.Tooltip();
        full.textProperty().bind(message.textProperty());
        message.setTooltip(full);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(phase, steps, epoch, speed, device, time, message, grow, progress);
    }

    private static Label label(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A path relative to the working folder where it lies inside it (runs/ID rather than /home/.../runs/ID). */
    static String shown(java.nio.file.Path p) {
        java.nio.file.Path abs = p.toAbsolutePath().normalize();
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        return abs.startsWith(here) ? here.relativize(abs).toString() : abs.toString();
    }

    void message(String text) {
        message.setText(text);
    }

    String messageText() {
        return message.getText();
    }

    @Override
    public void accept(RunEvent e) {
        if (e instanceof RunEvent.Started s) {
            device.setText("device " + s.device().replace("()", "").toUpperCase());
            epochSteps = Math.max(1, s.epochSteps());
            phase.setText("started");
        } else if (e instanceof RunEvent.Phase p) {
            phase.setText(p.phase().label().replace('_', ' '));
        } else if (e instanceof RunEvent.Progress p) {
            steps.setText(String.format("steps %,d / %,d", p.step(), p.totalSteps()));
            epoch.setText(EpochNumbers.ofStep(p.step(), epochSteps, p.totalSteps()));
            speed.setText(String.format("%.1f steps/s", p.stepsPerSecond()));
            time.setText("elapsed " + clock(p.elapsedSeconds()) + "   ETA "
                    + (Double.isFinite(p.etaSeconds()) ? clock(p.etaSeconds()) : "measuring"));
            progress.setProgress(p.totalSteps() > 0 ? p.step() / (double) p.totalSteps() : 0);
        } else if (e instanceof RunEvent.Ended end) {
            phase.setText(end.status() + (end.reason().isEmpty() || end.status() == dev.mbpo.run.RunStatus.STOPPED ? "" : ": " + end.reason()));
            steps.setText(String.format("steps %,d", end.step()));
            // Nothing remains to estimate once a run has ended.
            time.setText(time.getText().replaceFirst("\\s+ETA .*$", ""));
        }
    }

    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-:--:--";
        }
        long s = Math.round(seconds);
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    @Override
    public void reset() {
        phase.setText("idle");
        steps.setText("steps 0");
        epoch.setText("epoch -");
        speed.setText("- steps/s");
        time.setText("elapsed 0:00:00");
        device.setText("device -");
        progress.setProgress(0);
    }
}
