package dev.mbpo.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.mbpo.nn.Mlp;
import dev.mbpo.nn.Scalars;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * SAC's policy: a Gaussian over pre-squash actions whose sample goes through tanh, so
 * actions lie in [-1, 1] (scaled to the action space outside). Log-probabilities include
 * the tanh change-of-variables term, computed stably as 2 (log 2 - u - softplus(-2u)).
 * Acting needs only the action ({@link #action}); the losses need both ({@link #sample}).
 */
final class SquashedGaussianActor {
    static final float LOG_STD_MIN = -20f;
    static final float LOG_STD_MAX = 2f;
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_2 = Math.log(2);

    final Mlp net;
    private final int actDim;
    /** The log-probability's constant factors, made once (nn.Scalars: safe under recording). */
    private final NDArray minusTwo;
    private final NDArray two;

    SquashedGaussianActor(NDManager manager, int obsDim, List<Integer> hidden, int actDim, RandomGenerator init) {
        this.net = Mlp.create(manager, obsDim, hidden, 2 * actDim, Mlp.Act.RELU, true, init);
        this.actDim = actDim;
        this.minusTwo = Scalars.constant(manager, -2f);
        this.two = Scalars.constant(manager, 2f);
    }

    /** A sampled action in [-1, 1], from standard normal noise {@code eps} [B, A], without its log-probability (acting). */
    NDArray action(NDArray obs, NDArray eps) {
        NDList ms = net.forward(obs).split(2, 1);
        return preSquash(ms.get(0), logStd(ms), eps).tanh();
    }

    /** u = mean + std eps, the Gaussian sample before tanh. */
    private static NDArray preSquash(NDArray mean, NDArray logStd, NDArray eps) {
        return eps.mul(logStd.exp()).add(mean);
    }

    private static NDArray logStd(NDList meanAndLogStd) {
        return meanAndLogStd.get(1).clip(LOG_STD_MIN, LOG_STD_MAX);
    }

    /**
     * A sampled action in [-1, 1] and its log-probability [B], from standard normal noise
     * {@code noise} (B x A values, row after row), for the losses. Per action dimension,
     * log N(u; mean, std) - log(1 - tanh(u)^2) = -eps^2/2 - log std - log(2 pi)/2 - 2 (log 2 - u - softplus(-2u));
     * the terms that do not depend on the network (eps^2/2, log(2 pi)/2, 2 log 2) are summed per
     * row here in Java, so the engine computes only sum(2 (u + softplus(-2u)) - log std) and one
     * addition: eight operations instead of thirteen, under gradient recording too.
     */
    NDList sample(NDArray obs, float[] noise) {
        int rows = noise.length / actDim;
        NDManager m = obs.getManager();
        NDArray eps = m.create(noise, new Shape(rows, actDim));
        NDArray constant = m.create(rowConstants(noise, rows), new Shape(rows));
        NDList ms = net.forward(obs).split(2, 1);
        NDArray logStd = logStd(ms);
        NDArray u = preSquash(ms.get(0), logStd, eps);
        NDArray action = u.tanh();
        NDArray perDim = u.add(Activation.softPlus(u.mul(minusTwo))).mul(two).sub(logStd);
        NDArray logProb = perDim.sum(new int[] {1}).add(constant);
        return new NDList(action, logProb);
    }

    /** Per row: the sum over action dimensions of -eps^2/2 - log(2 pi)/2 - 2 log 2 (in double, rounded once). */
    private float[] rowConstants(float[] noise, int rows) {
        float[] c = new float[rows];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < actDim; j++) {
                double e = noise[r * actDim + j];
                sum += -0.5 * e * e - HALF_LOG_2PI - 2 * LOG_2;
            }
            c[r] = (float) sum;
        }
        return c;
    }

    /** The deterministic action tanh(mean) in [-1, 1]. */
    NDArray mode(NDArray obs) {
        return net.forward(obs).split(2, 1).get(0).tanh();
    }

    /** {@code count} standard normal draws: the noise {@link #sample} reparameterises. */
    static float[] standardNormal(RandomGenerator random, int count) {
        float[] e = new float[count];
        for (int i = 0; i < count; i++) {
            e[i] = (float) random.nextGaussian();
        }
        return e;
    }

    int actDim() {
        return actDim;
    }
}
