package dev.mbpo.train.bench;

import dev.mbpo.config.Presets;
import dev.mbpo.config.RunConfig;
import dev.mbpo.run.RunEvent;
import dev.mbpo.train.SessionState;
import dev.mbpo.train.TrainingSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole training loop as users feel it: real steps per second over a window of a real
 * run (after the random warm-up, once learning has begun), and where the time went by phase
 * (env, model_train, rollout, policy_update, evaluate) from the loop's own phase timers, and
 * how many model trainings the window held and their epochs on average.
 */
public final class LoopBenchmarks {
    private LoopBenchmarks() {
    }

    /**
     * The settings of the PyTorch MBPO peer (bench/peer.py: Xingyu-Lin/mbpo_pytorch on
     * Pendulum): 7 members / 5 elites of 4 x 200, model trained to convergence (patience 5)
     * and 50k one-step branches every 200 real steps, G = 20 on 256x256 SAC, 5% real data.
     */
    public static final List<String> PEER_SETTINGS = List.of(
            "sac.hidden=[256,256]", "sac.actorLr=3e-4", "sac.criticLr=3e-4", "sac.alphaLr=3e-4",
            "sac.updatesPerStep=20", "model.hidden=[200,200,200,200]", "model.maxEpochs=100000",
            "model.weightDecay=[2.5e-5,5e-5,7.5e-5,7.5e-5,1e-4]", "model.analyticReward=false", "rollout.batchSize=50000", "rollout.horizon=1",
            "mbpo.modelTrainFreq=200", "mbpo.epochLength=1000", "mbpo.realRatio=0.05");

    /**
     * Runs {@code preset} with {@code overrides} for {@code measureFrom + measureSteps} real
     * steps and times the last {@code measureSteps}. Evaluation is one episode every 200 steps.
     */
    public static BenchResult run(String name, Path preset, List<String> overrides, int measureFrom, int measureSteps,
                                  int threads, Consumer<String> log) {
        List<String> all = new ArrayList<>(overrides);
        all.add("run.totalSteps=" + (measureFrom + measureSteps));
        all.add("run.evalEvery=200");
        all.add("run.evalEpisodes=1");
        all.add("run.threads=" + threads);
        all.add("run.checkpointEvery=0");
        RunConfig config = Presets.load(preset, all);
        if (measureFrom % 200 != 0 || measureSteps % 200 != 0) {
            throw new IllegalArgumentException("measured window must start and end on a multiple of 200 steps");
        }
        Map<String, Double> phases = new LinkedHashMap<>();
        long[] windowStart = {0};
        long[] windowEnd = {0};
        int[] trainings = {0, 0}; // model trainings inside the window, and their epochs
        Consumer<RunEvent> sink = e -> {
            if (e instanceof RunEvent.ModelTrained t && windowStart[0] != 0) {
                trainings[0]++;
                trainings[1] += t.trainLoss().length;
            }
            if (e instanceof RunEvent.Metrics m && RunEvent.evalReturn(m).isPresent()) {
                long now = System.nanoTime();
                if (m.step() == measureFrom) {
                    windowStart[0] = now;
                } else if (m.step() > measureFrom) {
                    windowEnd[0] = now;
                    m.values().forEach((k, v) -> {
                        if (k.startsWith("time/") && !k.equals("time/steps_per_s")) {
                            phases.merge(k.substring(5, k.length() - 2), v, Double::sum);
                        }
                    });
                    log.accept(String.format("  step %6d  eval return %8.1f  %s", m.step(), RunEvent.evalReturn(m).getAsDouble(),
                            m.values().get("time/steps_per_s") == null ? ""
                                    : String.format("%.2f steps/s", m.values().get("time/steps_per_s"))));
                }
            }
        };
        TrainingSession session = new TrainingSession(config, sink);
        SessionState end = session.runBlocking();
        if (end != SessionState.FINISHED) {
            throw new IllegalStateException(name + ": the run ended " + end + " (" + session.endReason() + ")");
        }
        double seconds = (windowEnd[0] - windowStart[0]) / 1e9;
        Map<String, Double> extra = new LinkedHashMap<>();
        extra.put("real_steps_per_s", measureSteps / seconds);
        extra.put("seconds_per_1000_steps", seconds * 1000 / measureSteps);
        phases.forEach((k, v) -> extra.put(k + "_s_per_1000_steps", v * 1000 / measureSteps));
        extra.put("model_trainings", (double) trainings[0]);
        extra.put("model_epochs_per_training", trainings[1] / (double) Math.max(1, trainings[0]));
        return new BenchResult(name, "steps/s", new double[0], extra);
    }
}
