package dev.mbpo.plan;

/**
 * What a planner simulates its candidates through: {@link #members()} models, each stepping its
 * own block of rows. A plan opens a {@link Stepper} once and calls it once per planned step with
 * every candidate's every particle.
 */
public interface ParticleModel {
    int obsDim();

    int actDim();

    /** B: the models particles are spread over (particle p follows model p mod B). */
    int members();

    /** Starts a plan; the stepper sees the models as they are now. */
    Stepper begin();

    /** One plan's access to the models. */
    interface Stepper extends AutoCloseable {
        /**
         * One step of {@code members() * rowsPer} rows laid out in blocks: rows
         * {@code [j * rowsPer, (j+1) * rowsPer)} go through model j. Writes next observations
         * (rows x obsDim) and rewards (rows).
         */
        void step(float[] obs, float[] actions, int rowsPer, float[] nextObs, float[] rewards);

        @Override
        void close();
    }
}
