package dev.mbpo.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.mbpo.config.EnsembleConfig;
import dev.mbpo.data.Batch;
import dev.mbpo.data.ReplayBuffer;
import dev.mbpo.env.TerminationFn;
import dev.mbpo.nn.Engines;
import dev.mbpo.nn.ForcedCollection;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamicsEnsembleTest {

    @BeforeAll
    static void engine() {
        Engines.start();
        Engines.prepareThread();
    }

    static EnsembleConfig small(int maxEpochs, int patience) {
        return new EnsembleConfig(5, 3, List.of(64, 64), 3e-3, List.of(1e-5), 128, 0.2, 5000, patience, 0.01,
                maxEpochs, 0, false, true);
    }

    /** s' = A s + B a (+ noise on the first coordinate), reward = s0 - 0.5 s1 + a. */
    static Batch linearSystem(int n, double noiseStd, SplittableRandom r) {
        ReplayBuffer b = new ReplayBuffer(n, 2, 1);
        for (int i = 0; i < n; i++) {
            float s0 = (float) (r.nextDouble() * 2 - 1);
            float s1 = (float) (r.nextDouble() * 2 - 1);
            float a = (float) (r.nextDouble() * 2 - 1);
            float n0 = (float) (noiseStd * r.nextGaussian());
            float next0 = 0.9f * s0 + 0.1f * s1 + 0.2f * a + n0;
            float next1 = -0.1f * s0 + 0.95f * s1 + 0.1f * a;
            b.add(new float[] {s0, s1}, new float[] {a}, s0 - 0.5 * s1 + a, new float[] {next0, next1}, false);
        }
        return b.all();
    }

    @Test
    void learnsALinearSystemAndPicksTheBestMembersAsElites() {
        SplittableRandom r = new SplittableRandom(1);
        try (NDManager m = NDManager.newBaseManager(); DynamicsEnsemble e = new DynamicsEnsemble(small(400, 20), 2, 1, 7, m)) {
            TrainingSummary s = new EnsembleTrainer(e).train(linearSystem(3000, 0, r), r, ep -> { }, () -> false);
            double best = Arrays.stream(s.holdoutMse()).min().orElseThrow();
            assertTrue(best < 1e-3, "best holdout MSE " + best);
            double[] sorted = s.holdoutMse().clone();
            Arrays.sort(sorted);
            assertEquals(3, s.elites().length);
            for (int i = 0; i < 3; i++) {
                assertEquals(sorted[i], s.holdoutMse()[s.elites()[i]], "elite " + i + " is the " + i + "-th best member");
            }
            assertEquals(600, s.holdoutRows(), "20% held out");
        }
    }

    /** As SacTest's: a garbage collection between each step's forward and backward pass changes nothing (nn.Scalars). */
    @Test
    void aGarbageCollectionBetweenForwardAndBackwardPassesChangesNothing() {
        try (NDManager m = NDManager.newBaseManager();
             DynamicsEnsemble quiet = new DynamicsEnsemble(small(2, 5), 2, 1, 13, m);
             DynamicsEnsemble collected = new DynamicsEnsemble(small(2, 5), 2, 1, 13, m)) {
            collected.beforeBackward = ForcedCollection::run;
            Batch data = linearSystem(600, 0.05, new SplittableRandom(3));
            TrainingSummary a = new EnsembleTrainer(quiet).train(data, new SplittableRandom(8), ep -> { }, () -> false);
            TrainingSummary b = new EnsembleTrainer(collected).train(data, new SplittableRandom(8), ep -> { }, () -> false);
            assertArrayEquals(a.holdoutMse(), b.holdoutMse(), "holdout errors after training");
            float[] obs = {0.3f, -0.2f, -0.7f, 0.1f};
            float[] act = {0.5f, -0.4f};
            assertArrayEquals(quiet.predict(obs, act, 2).mean()[0], collected.predict(obs, act, 2).mean()[0], "predictions");
        }
    }

    @Test
    void dataThatIsNotFiniteIsRefusedAndLeavesTheModelAsItWas() {
        SplittableRandom r = new SplittableRandom(11);
        try (NDManager m = NDManager.newBaseManager(); DynamicsEnsemble e = new DynamicsEnsemble(small(3, 5), 2, 1, 7, m)) {
            new EnsembleTrainer(e).train(linearSystem(500, 0, r), r, ep -> { }, () -> false);
            float[] obs = {0.3f, -0.2f};
            float[] act = {0.5f};
            float[] before = e.predict(obs, act, 1).mean()[0].clone();
            float bound = e.maxLogVarBound();
            Batch bad = linearSystem(500, 0, r);
            bad.rewards()[123] = Float.NaN;
            TrainingSummary s = new EnsembleTrainer(e).train(bad, r, ep -> { }, () -> false);
            assertEquals(StopReason.NON_FINITE, s.stopReason());
            assertTrue(s.epochs().isEmpty(), "not one step taken");
            assertArrayEquals(before, e.predict(obs, act, 1).mean()[0], "weights and normalisers unchanged");
            assertEquals(bound, e.maxLogVarBound());
            assertTrue(bound > 0 && bound < 1, "the log-variance bound starts at 0.5 and moves slowly: " + bound);
        }
    }

    @Test
    void learnedVarianceTracksInjectedNoise() {
        SplittableRandom r = new SplittableRandom(2);
        double noise = 0.1;
        try (NDManager m = NDManager.newBaseManager(); DynamicsEnsemble e = new DynamicsEnsemble(small(300, 30), 2, 1, 8, m)) {
            new EnsembleTrainer(e).train(linearSystem(4000, noise, r), r, ep -> { }, () -> false);
            Batch probe = linearSystem(500, 0, r);
            EnsemblePrediction p = e.predict(probe.obs(), probe.actions(), probe.size());
            for (int elite : e.elites()) {
                double noisy = 0;
                double clean = 0;
                for (int row = 0; row < probe.size(); row++) {
                    noisy += p.std(elite, row, 1);
                    clean += p.std(elite, row, 2);
                }
                noisy /= probe.size();
                clean /= probe.size();
                assertEquals(noise, noisy, 0.2 * noise, "member " + elite + " std of the noisy coordinate");
                assertTrue(clean < noise / 2, "member " + elite + " std of the noiseless coordinate " + clean);
            }
        }
    }

    @Test
    void earlyStoppingStopsWhenNoMemberImproves() {
        SplittableRandom r = new SplittableRandom(3);
        try (NDManager m = NDManager.newBaseManager(); DynamicsEnsemble e = new DynamicsEnsemble(small(0, 5), 2, 1, 9, m)) {
            TrainingSummary s = new EnsembleTrainer(e).train(linearSystem(600, 0.3, r), r, ep -> { }, () -> false);
            assertEquals(StopReason.EARLY_STOP, s.stopReason());
            List<TrainingEpoch> epochs = s.epochs();
            assertTrue(epochs.size() < 2000, "stopped after " + epochs.size() + " epochs");
            for (int i = epochs.size() - 6; i < epochs.size(); i++) {
                assertTrue(!epochs.get(i).improved(), "the last 6 epochs improved no member by > 1%");
            }
            TrainingSummary capped = new EnsembleTrainer(e).train(linearSystem(600, 0.3, r), r, ep -> { }, () -> true);
            assertEquals(StopReason.INTERRUPTED, capped.stopReason());
        }
    }

    @Test
    void afterEarlyStoppingEachMemberHasItsBestWeightsBackAndTheElitesAreChosenOnThem() {
        SplittableRandom r = new SplittableRandom(3);
        try (NDManager m = NDManager.newBaseManager(); DynamicsEnsemble e = new DynamicsEnsemble(small(0, 5), 2, 1, 9, m)) {
            TrainingSummary s = new EnsembleTrainer(e).train(linearSystem(600, 0.3, r), r, ep -> { }, () -> false);
            assertEquals(StopReason.EARLY_STOP, s.stopReason());
            // Each member's error at its last improvement of more than 1%, by the trainer's own rule.
            double[] best = new double[5];
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (TrainingEpoch ep : s.epochs()) {
                for (int i = 0; i < 5; i++) {
                    double cur = ep.holdoutMse()[i];
                    if (best[i] == Double.POSITIVE_INFINITY || (best[i] - cur) / best[i] > 0.01) {
                        best[i] = cur;
                    }
                }
            }
            double[] last = s.epochs().get(s.epochs().size() - 1).holdoutMse();
            int differing = 0;
            for (int i = 0; i < 5; i++) {
                assertEquals(best[i], s.holdoutMse()[i], 1e-6 * best[i], "member " + i + " has its best weights back");
                if (Math.abs(last[i] - best[i]) > 1e-6 * best[i]) {
                    differing++;
                }
            }
            assertTrue(differing > 0, "the last epoch's weights differ from the best for some member");
            Integer[] order = {0, 1, 2, 3, 4};
            Arrays.sort(order, (a, b) -> Double.compare(best[a], best[b]));
            assertArrayEquals(new int[] {order[0], order[1], order[2]}, s.elites(), "elites chosen on the restored weights");
            assertArrayEquals(s.elites(), e.elites());
        }
    }

    @Test
    void modelEnvSamplesAroundTheMeanAndDisagreementIsZeroForIdenticalMembers(@TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(4);
        try (NDManager m = NDManager.newBaseManager();
             DynamicsEnsemble e = new DynamicsEnsemble(small(30, 5), 2, 1, 10, m);
             DynamicsEnsemble copy = new DynamicsEnsemble(small(30, 5), 2, 1, 11, m)) {
            Batch data = linearSystem(1000, 0, r);
            new EnsembleTrainer(e).train(data, r, ep -> { }, () -> false);
            e.save(dir);
            copy.load(dir);
            EnsemblePrediction a = e.predict(data.obs(), data.actions(), 10);
            EnsemblePrediction b = copy.predict(data.obs(), data.actions(), 10);
            for (int mIdx = 0; mIdx < 5; mIdx++) {
                assertArrayEquals(a.mean()[mIdx], b.mean()[mIdx], "save/load restores member " + mIdx);
            }
            assertArrayEquals(e.elites(), copy.elites());
            ModelEnv env = new ModelEnv(e, (o, act, o2) -> o2[0] > 0.5f, (o, act, o2) -> 42.0);
            ModelEnv.Step s = env.step(data.obs(), data.actions(), 200, r);
            for (int row = 0; row < 200; row++) {
                assertEquals(s.nextObs()[row * 2] > 0.5f, s.terminated()[row], "termination function applied");
                assertEquals(42f, s.rewards()[row], "analytic reward used");
                assertTrue(s.disagreement()[row] >= 0);
            }
            ModelEnv learned = new ModelEnv(e, TerminationFn.NEVER, null);
            ModelEnv.Step l = learned.step(data.obs(), data.actions(), 200, r);
            double err = 0;
            for (int row = 0; row < 200; row++) {
                err += Math.abs(l.rewards()[row] - data.rewards()[row]);
            }
            assertTrue(err / 200 < 0.3, "learned reward near the real one: " + err / 200);
        }
    }

    @Test
    void theSampledMembersPredictionIsThatMembersSliceOfTheFullOne() {
        SplittableRandom r = new SplittableRandom(5);
        try (NDManager m = NDManager.newBaseManager();
             DynamicsEnsemble e = new DynamicsEnsemble(small(5, 5), 2, 1, 12, m)) {
            Batch data = linearSystem(3000, 0.1, r);
            new EnsembleTrainer(e).train(data, r, ep -> { }, () -> false);
            int rows = 2500;
            int[] member = new int[rows];
            for (int i = 0; i < rows; i++) {
                member[i] = r.nextInt(5);
            }
            member[7] = 4;
            SampledPrediction one = e.predictSampled(data.obs(), data.actions(), rows, member);
            EnsemblePrediction all = e.predict(data.obs(), data.actions(), rows);
            for (int row = 0; row < rows; row++) {
                for (int d = 0; d < 3; d++) {
                    assertEquals(all.mean(member[row], row, d), one.mean(row, d), 1e-5, "mean row " + row + " output " + d);
                    assertEquals(all.std(member[row], row, d), one.std(row, d), 1e-5, "std row " + row + " output " + d);
                }
            }
            ModelEnv env = new ModelEnv(e, TerminationFn.NEVER, null);
            assertEquals(ModelEnv.DISAGREEMENT_ROWS, env.step(data.obs(), data.actions(), rows, r).disagreement().length,
                    "a sample of rows measures disagreement");
            ModelEnv.Step every = env.step(data.obs(), data.actions(), rows, r, true);
            assertEquals(rows, every.disagreement().length, "every row when asked (branch cuts)");
            for (int row = 0; row < rows; row += 97) {
                assertEquals(all.disagreement(row), every.disagreement()[row], 1e-6);
            }
        }
    }

    /**
     * The training's holdout disagreement comes from the holdout evaluation's own prediction,
     * in the standardised target space and scaled back: every value must be the raw-unit
     * disagreement that {@link DynamicsEnsemble#predict} gives for one of the training rows.
     */
    @Test
    void theHoldoutDisagreementIsThatOfRawPredictionsOfHeldOutRows() {
        SplittableRandom r = new SplittableRandom(13);
        try (NDManager m = NDManager.newBaseManager(); DynamicsEnsemble e = new DynamicsEnsemble(small(4, 5), 2, 1, 7, m)) {
            Batch data = linearSystem(1000, 0.05, r);
            TrainingSummary s = new EnsembleTrainer(e).train(data, r, ep -> { }, () -> false);
            double[] held = s.holdoutDisagreement();
            assertEquals(200, held.length);
            EnsemblePrediction all = e.predict(data.obs(), data.actions(), data.size());
            double[] raw = new double[data.size()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = all.disagreement(i);
            }
            Arrays.sort(raw);
            for (int i = 0; i < held.length; i++) {
                assertTrue(i == 0 || held[i - 1] <= held[i], "sorted");
                int at = Arrays.binarySearch(raw, held[i]);
                int ins = at >= 0 ? at : -at - 1;
                double nearest = Double.POSITIVE_INFINITY;
                for (int k = Math.max(0, ins - 1); k <= Math.min(raw.length - 1, ins); k++) {
                    nearest = Math.min(nearest, Math.abs(raw[k] - held[i]));
                }
                assertTrue(nearest <= 1e-5 * Math.max(1e-3, held[i]), "held-out value " + held[i] + " is off every row's by " + nearest);
            }
        }
    }
}
