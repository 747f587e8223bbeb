package dev.mbpo.rl;

/** Something that picks actions in the environment's bounds: the learner's SAC, or a replica of its actor. */
public interface Policy {
    /** An action for one observation: the mean's when deterministic, else a sample. */
    float[] act(float[] obs, boolean deterministic);

    /** Actions for {@code rows} observations laid out row after row. */
    float[] actBatch(float[] obs, int rows, boolean deterministic);
}
