package dev.mbpo.data;

/**
 * A batch of transitions in row-major float arrays, ready to become tensors.
 *
 * @param size        rows
 * @param obsDim      observation width
 * @param actDim      action width
 * @param obs         size x obsDim
 * @param actions     size x actDim
 * @param rewards     size
 * @param nextObs     size x obsDim
 * @param terminated  size; 1 where the transition ended in a terminal state (not a time-limit cut)
 */
public record Batch(int size, int obsDim, int actDim, float[] obs, float[] actions, float[] rewards,
                    float[] nextObs, float[] terminated) {

    public static Batch allocate(int size, int obsDim, int actDim) {
        return new Batch(size, obsDim, actDim, new float[size * obsDim], new float[size * actDim], new float[size],
                new float[size * obsDim], new float[size]);
    }
}
