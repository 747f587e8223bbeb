package dev.mbpo.config;

/**
 * Model-predictive control through the ensemble ({@code algorithm = mpc}, PETS-style): at every
 * real step the cross-entropy method searches action sequences of {@code horizon} steps, each
 * candidate scored by {@code particles} trajectories that each keep one elite member for the
 * whole plan (trajectory sampling, TS-infinity); the plan's first action is applied and the
 * rest, shifted by one step, warm-starts the next search. The ensemble is trained as in MBPO.
 *
 * @param horizon     H: steps of each planned action sequence
 * @param population  candidate sequences sampled per CEM iteration
 * @param elites      best candidates the sampling distribution is refitted to
 * @param iterations  CEM iterations per real step
 * @param particles   P: model trajectories per candidate (its score is their mean return)
 * @param smoothing   weight of the old mean and variance in each refit (PETS: 0.1)
 * @param trainEvery  real steps between ensemble trainings on all real data
 * @param randomSteps uniformly random actions before the first training and plan
 */
public record MpcConfig(int horizon, int population, int elites, int iterations, int particles, double smoothing,
                        int trainEvery, int randomSteps) {

    public static final MpcConfig DEFAULT = new MpcConfig(25, 400, 40, 5, 20, 0.1, 250, 200);

    public MpcConfig {
        Check.inRange("mpc.horizon", horizon, 1, 1000);
        Check.inRange("mpc.population", population, 2, 100_000);
        Check.inRange("mpc.elites", elites, 1, 100_000);
        if (elites > population) {
            throw Check.fail("mpc.elites", elites, "at most mpc.population (" + population + ")");
        }
        Check.inRange("mpc.iterations", iterations, 1, 100);
        Check.inRange("mpc.particles", particles, 1, 1000);
        if (!Double.isFinite(smoothing) || smoothing < 0 || smoothing >= 1) {
            throw Check.fail("mpc.smoothing", smoothing, "a number >= 0 and < 1 (the old distribution's weight)");
        }
        Check.inRange("mpc.trainEvery", trainEvery, 1, 10_000_000);
        Check.inRange("mpc.randomSteps", randomSteps, 1, 10_000_000);
    }

    /** Model rows of one CEM iteration's step: every candidate times every particle. */
    public long rowsPerStep() {
        return (long) population * particles;
    }
}
