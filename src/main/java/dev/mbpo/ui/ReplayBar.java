package dev.mbpo.ui;

import dev.mbpo.run.RunEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The replay timeline: a slider over a saved run's evaluations (their steps, with the epoch
 * each falls in). Moving it
 * feeds the views every event up to that step, so the plots show the run as it was then,
 * and the environment view plays the episodes evaluated at that step.
 */
final class ReplayBar extends HBox {
    private final Slider slider = new Slider(0, 1, 0);
    private final Label label = new Label();
    private final Button close = new Button("Close replay");
    private final Button play = new Button("Play policy");
    private java.util.function.LongConsumer onPlay = step -> { };
    private List<RunEvent> events = List.of();
    private final List<Long> epochs = new ArrayList<>();
    private Consumer<List<RunEvent>> feed = e -> { };
    private Runnable onClose = () -> { };
    private int shown = -1;
    private long epochSteps = 1;
    private long totalSteps;

    ReplayBar() {
        getStyleClass().add("replay-bar");
        setId("replay-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(4, 10, 4, 10));
        slider.setId("replay-slider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(1);
        label.setId("replay-label");
        HBox.setHgrow(slider, Priority.ALWAYS);
        close.setOnAction(e -> onClose.run());
        close.setId("replay-close");
        close.setTooltip(new javafx.scene.control.Tooltip("Leave the replay; the settings sheet keeps this run's settings, so Start runs it again"));
        play.setId("replay-play-policy");
        play.setTooltip(new javafx.scene.control.Tooltip("Load the checkpoint at or before this epoch and let its policy act in the environment"));
        play.setOnAction(e -> {
            if (shown >= 0 && shown < epochs.size()) {
                onPlay.accept(epochs.get(shown));
            }
        });
        getChildren().addAll(new Label("Replay"), slider, label, play, close);
        slider.valueProperty().addListener((o, a, b) -> show((int) Math.round(b.doubleValue())));
        setVisible(false);
        setManaged(false);
    }

    /** Loads a run's events; the slider jumps to the last epoch. */
    void load(List<RunEvent> all, Consumer<List<RunEvent>> feedViews, Runnable closeAction,
              java.util.function.LongConsumer playPolicyAt) {
        this.onPlay = playPolicyAt;
        this.events = all;
        this.feed = feedViews;
        this.onClose = closeAction;
        epochs.clear();
        epochSteps = 1;
        totalSteps = 0;
        for (RunEvent e : all) {
            if (e instanceof RunEvent.Started st) {
                epochSteps = Math.max(1, st.epochSteps());
                totalSteps = st.totalSteps();
            }
            if (RunEvent.evalReturn(e).isPresent()) {
                epochs.add(e.step());
            }
        }
        if (epochs.isEmpty()) {
            epochs.add(all.isEmpty() ? 0L : all.get(all.size() - 1).step());
        }
        setVisible(true);
        setManaged(true);
        shown = -1;
        slider.setMin(0);
        slider.setMax(Math.max(0, epochs.size() - 1));
        slider.setValue(slider.getMax());
        show(epochs.size() - 1);
    }

    Slider slider() {
        return slider;
    }

    int epochCount() {
        return epochs.size();
    }

    void hide() {
        setVisible(false);
        setManaged(false);
        events = List.of();
    }

    private void show(int index) {
        if (events.isEmpty() || index == shown || index < 0 || index >= epochs.size()) {
            return;
        }
        shown = index;
        long step = epochs.get(index);
        List<RunEvent> upTo = new ArrayList<>();
        for (RunEvent e : events) {
            if (e.step() > step) {
                break;
            }
            upTo.add(e);
        }
        feed.accept(upTo);
        // The slider moves over evaluations; the epoch is named as everywhere else (EpochNumbers).
        label.setText(String.format("evaluation %d of %d: step %,d, %s", index + 1, epochs.size(), step,
                EpochNumbers.ofStep(step, epochSteps, Math.max(totalSteps, epochs.get(epochs.size() - 1)))));
    }
}
