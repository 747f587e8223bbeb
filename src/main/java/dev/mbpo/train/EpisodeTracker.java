package dev.mbpo.train;

import dev.mbpo.run.EpisodeKind;
import dev.mbpo.run.RunEvent;
import java.util.ArrayList;
import java.util.List;

/** Accumulates one episode's return, states and actions, and turns it into an event. */
final class EpisodeTracker {
    /** Training episodes keep their trajectory one in this many (evaluation episodes always do). */
    static final int TRAIN_EPISODE_SAMPLE = 10;

    private final EpisodeKind kind;
    private final boolean keepTrajectory;
    private final List<double[]> states = new ArrayList<>();
    private final List<float[]> actions = new ArrayList<>();
    private double episodeReturn;
    private int length;
    private int index;

    EpisodeTracker(EpisodeKind kind, boolean keepTrajectory) {
        this.kind = kind;
        this.keepTrajectory = keepTrajectory;
    }

    void start(double[] state) {
        states.clear();
        actions.clear();
        episodeReturn = 0;
        length = 0;
        if (keepTrajectory) {
            states.add(state);
        }
    }

    void record(float[] action, double reward, double[] stateAfter) {
        episodeReturn += reward;
        length++;
        if (keepTrajectory) {
            actions.add(action.clone());
            states.add(stateAfter);
        }
    }

    double episodeReturn() {
        return episodeReturn;
    }

    RunEvent.Episode finish(long step) {
        double[][] s = keepTrajectory ? states.toArray(double[][]::new) : new double[0][];
        float[][] a = keepTrajectory ? actions.toArray(float[][]::new) : new float[0][];
        return new RunEvent.Episode(step, kind, index++, episodeReturn, length, s, a);
    }

    /**
     * A finished training episode as it is reported: the {@code number}-th (from 0) keeps its
     * trajectory when it is one of every {@link #TRAIN_EPISODE_SAMPLE}, otherwise only its return and length.
     */
    static RunEvent.Episode sampledTrainEpisode(RunEvent.Episode e, int number) {
        return number % TRAIN_EPISODE_SAMPLE == 0 ? e
                : new RunEvent.Episode(e.step(), e.kind(), e.index(), e.episodeReturn(), e.length(), new double[0][], new float[0][]);
    }
}
