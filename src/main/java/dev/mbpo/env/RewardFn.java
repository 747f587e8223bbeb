package dev.mbpo.env;

/**
 * The environment's reward as a pure function of a transition, for environments where it
 * is known in closed form. Model rollouts may use it instead of the learned reward.
 * Must equal what {@link Env#step(float[])} returns for the same transition.
 */
@FunctionalInterface
public interface RewardFn {
    double reward(float[] observation, float[] action, float[] nextObservation);

    /** The rewards of {@code rows} transitions laid out row after row in flat arrays (an imagined batch), into {@code out}. */
    default void rewardRows(float[] obs, float[] actions, float[] next, int rows, int obsDim, int actDim, float[] out) {
        float[] o = new float[obsDim];
        float[] a = new float[actDim];
        float[] o2 = new float[obsDim];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(obs, r * obsDim, o, 0, obsDim);
            System.arraycopy(actions, r * actDim, a, 0, actDim);
            System.arraycopy(next, r * obsDim, o2, 0, obsDim);
            out[r] = (float) reward(o, a, o2);
        }
    }
}
