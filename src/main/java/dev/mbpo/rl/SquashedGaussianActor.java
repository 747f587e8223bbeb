package dev.mbpo.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import dev.mbpo.nn.Mlp;
import dev.mbpo.nn.Scalars;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * SAC's policy: a Gaussian over pre-squash actions whose sample goes through tanh, so
 * actions lie in [-1, 1] (scaled to the action space outside). Log-probabilities include
 * the tanh change-of-variables term, computed stably as 2 (log 2 - u - softplus(-2u)).
 */
final class SquashedGaussianActor {
    static final float LOG_STD_MIN = -20f;
    static final float LOG_STD_MAX = 2f;
    private static final float HALF_LOG_2PI = (float) (0.5 * Math.log(2 * Math.PI));
    private static final float LOG_2 = (float) Math.log(2);

    final Mlp net;
    private final int actDim;
    /** The log-probability's constant factors and terms, made once (nn.Scalars: safe under recording). */
    private final NDArray minusHalf;
    private final NDArray halfLog2Pi;
    private final NDArray minusTwo;
    private final NDArray log2;
    private final NDArray two;

    SquashedGaussianActor(NDManager manager, int obsDim, List<Integer> hidden, int actDim, RandomGenerator init) {
        this.net = Mlp.create(manager, obsDim, hidden, 2 * actDim, Mlp.Act.RELU, true, init);
        this.actDim = actDim;
        this.minusHalf = Scalars.constant(manager, -0.5f);
        this.halfLog2Pi = Scalars.constant(manager, HALF_LOG_2PI);
        this.minusTwo = Scalars.constant(manager, -2f);
        this.log2 = Scalars.constant(manager, LOG_2);
        this.two = Scalars.constant(manager, 2f);
    }

    /** A sampled action in [-1, 1] and its log-probability [B], from standard normal noise {@code eps} [B, A]. */
    NDList sample(NDArray obs, NDArray eps) {
        NDList ms = net.forward(obs).split(2, 1);
        NDArray mean = ms.get(0);
        NDArray logStd = ms.get(1).clip(LOG_STD_MIN, LOG_STD_MAX);
        NDArray u = eps.mul(logStd.exp()).add(mean);
        NDArray action = u.tanh();
        // log N(u; mean, std) = -eps^2/2 - log std - log(2 pi)/2
        NDArray gaussian = eps.square().mul(minusHalf).sub(logStd).sub(halfLog2Pi);
        NDArray squash = u.neg().sub(Activation.softPlus(u.mul(minusTwo))).add(log2).mul(two);
        NDArray logProb = gaussian.sub(squash).sum(new int[] {1});
        return new NDList(action, logProb);
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
