package dev.mbpo.env;

/**
 * Says whether a transition ends the episode, from observations alone, so that it works on
 * imagined transitions that never touched the real environment (MBPO's model rollouts).
 * Pure: no state, safe to call from any thread.
 */
@FunctionalInterface
public interface TerminationFn {
    boolean terminated(float[] observation, float[] action, float[] nextObservation);

    /**
     * The termination of {@code rows} transitions laid out row after row in flat arrays (an
     * imagined batch), written into {@code done}. This default copies each row out and asks
     * {@link #terminated}; rules that read only the next observation ({@link #ofNext}) answer in
     * one pass over {@code next} without copying.
     */
    default void terminatedRows(float[] obs, float[] actions, float[] next, int rows, int obsDim, int actDim,
                                boolean[] done) {
        float[] o = new float[obsDim];
        float[] a = new float[actDim];
        float[] o2 = new float[obsDim];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(obs, r * obsDim, o, 0, obsDim);
            System.arraycopy(actions, r * actDim, a, 0, actDim);
            System.arraycopy(next, r * obsDim, o2, 0, obsDim);
            done[r] = terminated(o, a, o2);
        }
    }

    /** A rule on the next observation alone, read in place at {@code offset} of a flat array of rows {@code dim} wide. */
    @FunctionalInterface
    interface NextObservationRule {
        boolean terminated(float[] next, int offset, int dim);
    }

    /** A termination function from a rule on the next observation, batched as one pass over the flat array. */
    static TerminationFn ofNext(NextObservationRule rule) {
        return new TerminationFn() {
            @Override
            public boolean terminated(float[] observation, float[] action, float[] nextObservation) {
                return rule.terminated(nextObservation, 0, nextObservation.length);
            }

            @Override
            public void terminatedRows(float[] obs, float[] actions, float[] next, int rows, int obsDim, int actDim,
                                       boolean[] done) {
                for (int r = 0, off = 0; r < rows; r++, off += obsDim) {
                    done[r] = rule.terminated(next, off, obsDim);
                }
            }
        };
    }

    /** A termination function for environments that never terminate (only truncate). */
    TerminationFn NEVER = ofNext((next, offset, dim) -> false);
}
