package dev.mbpo.model;

import dev.mbpo.config.EnsembleConfig;
import dev.mbpo.data.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Trains a {@link DynamicsEnsemble} as MBPO does: inputs (s, a) and targets (r, s' - s) from
 * all real data; a holdout of {@code holdoutRatio} (at most {@code maxHoldout} rows); input
 * and target normalisers fitted on the training rows; each member on its own bootstrap;
 * epochs until no member's holdout MSE improved by more than {@code improvement} for
 * {@code patience} epochs, or a cap; then the elites, the members with the smallest holdout
 * error. Warm start: training continues from the current weights, as the original code does.
 * When the training ends each member gets back its weights of its last improvement
 * ({@link BestWeights}) and the elites are chosen on those, as the original code does.
 */
public final class EnsembleTrainer {
    private final DynamicsEnsemble ensemble;
    private final EnsembleConfig config;
    private final int obsDim;
    private final int actDim;
    private final int inDim;
    private final int outDim;

    public EnsembleTrainer(DynamicsEnsemble ensemble) {
        this.ensemble = ensemble;
        this.config = ensemble.config();
        this.obsDim = ensemble.obsDim();
        this.actDim = ensemble.actDim();
        this.inDim = obsDim + actDim;
        this.outDim = 1 + obsDim;
    }

    /**
     * Trains on all of {@code data} (warm start): holdout split, bootstraps, epochs until
     * early stop or a cap; then picks the elites.
     *
     * @param onEpoch called after every epoch
     * @param stop    polled between minibatches; true interrupts the training
     */
    public TrainingSummary train(Batch data, RandomGenerator random, Consumer<TrainingEpoch> onEpoch, BooleanSupplier stop) {
        long t0 = System.nanoTime();
        int n = data.size();
        if (n < 2) {
            throw new IllegalStateException("the ensemble needs at least 2 transitions to train, has " + n);
        }
        float[] inputs = new float[n * inDim];
        float[] targets = new float[n * outDim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.obs(), i * obsDim, inputs, i * inDim, obsDim);
            System.arraycopy(data.actions(), i * actDim, inputs, i * inDim + obsDim, actDim);
            targets[i * outDim] = data.rewards()[i];
            for (int d = 0; d < obsDim; d++) {
                targets[i * outDim + 1 + d] = data.nextObs()[i * obsDim + d] - data.obs()[i * obsDim + d];
            }
        }
        if (!allFinite(inputs) || !allFinite(targets)) {
            // Refused before anything changes (normalisers included): the model stays as it was.
            double[] none = new double[config.members()];
            Arrays.fill(none, Double.NaN);
            return new TrainingSummary(List.of(), ensemble.elites(), none, StopReason.NON_FINITE, 0, 0,
                    (System.nanoTime() - t0) / 1e9, new double[0]);
        }
        int[] perm = permutation(n, random);
        int nHold = Math.max(1, Math.min(config.maxHoldout(), (int) (n * config.holdoutRatio())));
        int nTrain = n - nHold;
        if (nTrain < 1) {
            throw new IllegalStateException("no rows left to train on after holding out " + nHold + " of " + n);
        }
        int[] holdout = Arrays.copyOfRange(perm, 0, nHold);
        int[] train = Arrays.copyOfRange(perm, nHold, n);
        ensemble.inputNormalizer().fit(gather(inputs, inDim, train), nTrain);
        ensemble.inputNormalizer().apply(inputs, n);
        if (config.normalizeTargets()) {
            ensemble.targetNormalizer().fit(gather(targets, outDim, train), nTrain);
            ensemble.targetNormalizer().apply(targets, n);
        }
        float[] holdIn = gather(inputs, inDim, holdout);
        float[] holdOut = gather(targets, outDim, holdout);

        int members = config.members();
        int[][] boot = new int[members][nTrain];
        for (int m = 0; m < members; m++) {
            for (int i = 0; i < nTrain; i++) {
                boot[m][i] = train[random.nextInt(nTrain)];
            }
        }
        double[] best = new double[members];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        List<TrainingEpoch> epochs = new ArrayList<>();
        int sinceImproved = 0;
        StopReason reason = StopReason.EARLY_STOP;
        HoldoutErrors lastHold = null;
        boolean holdFresh = false; // lastHold was measured on the weights as they are now
        int batch = config.batchSize();
        BestWeights bestWeights = new BestWeights(ensemble.memberParameters(), members);
        for (int epoch = 0; ; epoch++) {
            for (int m = 0; m < members; m++) {
                shuffle(boot[m], random);
            }
            double lossSum = 0;
            int batches = 0;
            boolean interrupted = false;
            boolean nonFinite = false;
            for (int start = 0; start < nTrain; start += batch) {
                if (stop.getAsBoolean()) {
                    interrupted = true;
                    break;
                }
                int b = Math.min(batch, nTrain - start);
                float[] xs = new float[members * b * inDim];
                float[] ys = new float[members * b * outDim];
                for (int m = 0; m < members; m++) {
                    for (int k = 0; k < b; k++) {
                        int row = boot[m][start + k];
                        System.arraycopy(inputs, row * inDim, xs, (m * b + k) * inDim, inDim);
                        System.arraycopy(targets, row * outDim, ys, (m * b + k) * outDim, outDim);
                    }
                }
                double loss = ensemble.trainStep(xs, ys, b);
                holdFresh = false;
                if (!Double.isFinite(loss)) {
                    nonFinite = true;
                    break;
                }
                lossSum += loss;
                batches++;
            }
            if (interrupted) {
                reason = StopReason.INTERRUPTED;
                break;
            }
            if (nonFinite) {
                reason = StopReason.NON_FINITE;
                break;
            }
            lastHold = holdoutErrors(holdIn, holdOut, nHold);
            holdFresh = true;
            boolean improved = false;
            boolean[] memberImproved = new boolean[members];
            for (int m = 0; m < members; m++) {
                double cur = lastHold.mse()[m];
                if (best[m] == Double.POSITIVE_INFINITY || (best[m] - cur) / best[m] > config.improvement()) {
                    best[m] = cur;
                    memberImproved[m] = true;
                    improved = true;
                }
            }
            bestWeights.epochEnded(memberImproved);
            sinceImproved = improved ? 0 : sinceImproved + 1;
            TrainingEpoch te = new TrainingEpoch(epoch, lossSum / Math.max(1, batches), lastHold.mse(), lastHold.nll(), improved);
            epochs.add(te);
            onEpoch.accept(te);
            if (sinceImproved > config.patience()) {
                break;
            }
            if (config.maxEpochs() > 0 && epoch + 1 >= config.maxEpochs()) {
                reason = StopReason.MAX_EPOCHS;
                break;
            }
            if (config.maxTrainSeconds() > 0 && (System.nanoTime() - t0) / 1e9 >= config.maxTrainSeconds()) {
                reason = StopReason.TIME_CAP;
                break;
            }
        }
        if (bestWeights.restore(ensemble.manager()) > 0) {
            holdFresh = false;
        }
        if (!holdFresh) {
            lastHold = holdoutErrors(holdIn, holdOut, nHold);
        }
        int[] elites = bestMembers(lastHold.mse(), config.elites());
        ensemble.setElites(elites);
        ensemble.setTrainings(ensemble.trainings() + 1);
        double[] holdDis = lastHold.disagreement(); // from the same prediction as the holdout errors: no second pass
        Arrays.sort(holdDis);
        return new TrainingSummary(epochs, elites, lastHold.mse(), reason, nTrain, nHold, (System.nanoTime() - t0) / 1e9,
                holdDis);
    }

    /** Every member's errors on normalised held-out rows ({@link HoldoutErrors}). */
    private HoldoutErrors holdoutErrors(float[] holdIn, float[] holdOut, int rows) {
        int members = config.members();
        double[] mse = new double[members];
        double[] nll = new double[members];
        double[] disagreement = new double[rows];
        float[] rawScale = config.normalizeTargets() ? ensemble.targetNormalizer().std() : null;
        for (int start = 0; start < rows; start += DynamicsEnsemble.PREDICT_CHUNK) {
            int b = Math.min(DynamicsEnsemble.PREDICT_CHUNK, rows - start);
            EnsemblePrediction p = ensemble.predictNormalised(Arrays.copyOfRange(holdIn, start * inDim, (start + b) * inDim), b, false);
            for (int r = 0; r < b; r++) {
                disagreement[start + r] = p.disagreement(r, rawScale);
            }
            for (int mIdx = 0; mIdx < members; mIdx++) {
                for (int r = 0; r < b; r++) {
                    for (int d = 0; d < outDim; d++) {
                        double y = holdOut[(start + r) * outDim + d];
                        double mu = p.mean()[mIdx][r * outDim + d];
                        double lv = p.logVar()[mIdx][r * outDim + d];
                        double e2 = (mu - y) * (mu - y);
                        mse[mIdx] += e2;
                        nll[mIdx] += e2 * Math.exp(-lv) + lv;
                    }
                }
            }
        }
        double count = (double) rows * outDim;
        for (int mIdx = 0; mIdx < members; mIdx++) {
            mse[mIdx] /= count;
            nll[mIdx] /= count;
        }
        return new HoldoutErrors(mse, nll, disagreement);
    }

    /** The indices of the k smallest errors, smallest first. */
    private static int[] bestMembers(double[] errors, int k) {
        Integer[] idx = new Integer[errors.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(errors[a], errors[b]));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    private static boolean allFinite(float[] v) {
        for (float x : v) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static int[] permutation(int n, RandomGenerator random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, random);
        return p;
    }

    private static void shuffle(int[] a, RandomGenerator random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static float[] gather(float[] src, int width, int[] rows) {
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(src, rows[i] * width, out, i * width, width);
        }
        return out;
    }
}
