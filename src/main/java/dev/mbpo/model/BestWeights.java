package dev.mbpo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mbpo.nn.ParamIo;
import java.util.List;

/**
 * Each member's weights as they were at its last improvement on the holdout set within one
 * training, and their restoration when the training ends: the original code's
 * {@code _save_state(i)} on improvement and {@code _set_state()} after early stopping, so that
 * the epochs spent waiting for an improvement that never came do not leave a member worse than
 * its best. Only the networks' weights and biases are kept (the original's snapshot holds the
 * same); the shared log-variance bounds and the optimiser's moments stay as trained.
 *
 * <p>Every parameter has the member on its leading axis, so a member's slice is one contiguous
 * run of {@code length / members} floats.
 */
final class BestWeights {
    private final List<NDArray> params;
    private final int members;
    private final float[][] saved;
    /** Whether the member's live weights are the ones saved (true before anything was saved). */
    private final boolean[] live;
    private boolean anySaved;

    BestWeights(List<NDArray> params, int members) {
        this.params = params;
        this.members = members;
        this.saved = new float[params.size()][];
        this.live = new boolean[members];
        java.util.Arrays.fill(live, true);
    }

    /** After an epoch: keeps the weights of the members that improved; the others now differ from their best. */
    void epochEnded(boolean[] improved) {
        boolean any = false;
        for (boolean b : improved) {
            any |= b;
        }
        if (any) {
            for (int p = 0; p < params.size(); p++) {
                float[] now = params.get(p).toFloatArray();
                if (saved[p] == null) {
                    saved[p] = now;
                    continue;
                }
                int slice = now.length / members;
                for (int m = 0; m < members; m++) {
                    if (improved[m]) {
                        System.arraycopy(now, m * slice, saved[p], m * slice, slice);
                    }
                }
            }
            anySaved = true;
        }
        for (int m = 0; m < members; m++) {
            live[m] = improved[m] || (live[m] && !anySaved);
        }
    }

    /** The members whose live weights are not their best; none before the first epoch ended. */
    int[] stale() {
        return java.util.stream.IntStream.range(0, members).filter(m -> anySaved && !live[m]).toArray();
    }

    /** Puts every stale member's best weights back; returns how many members were restored. */
    int restore(NDManager scratch) {
        int[] stale = stale();
        if (stale.length == 0) {
            return 0;
        }
        float[][] values = new float[params.size()][];
        for (int p = 0; p < params.size(); p++) {
            float[] now = params.get(p).toFloatArray();
            int slice = now.length / members;
            for (int m : stale) {
                System.arraycopy(saved[p], m * slice, now, m * slice, slice);
            }
            values[p] = now;
        }
        ParamIo.assign(params, values, scratch);
        java.util.Arrays.fill(live, true);
        return stale.length;
    }
}
