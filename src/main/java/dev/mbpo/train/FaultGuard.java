package dev.mbpo.train;

import dev.mbpo.config.RunConfig;
import dev.mbpo.rl.Sac;
import dev.mbpo.rl.SacStats;
import dev.mbpo.run.RunEvent;
import java.util.function.Consumer;

/**
 * Watches every SAC update for numerical faults: a loss that is not finite (never applied:
 * {@link Sac#update} checks before its backward pass) and a diverging critic (|mean Q| far
 * beyond what any return could reach: ten times (max |reward| + an entropy allowance) / (1 - gamma)).
 * Each fault becomes a {@code fault} event. With {@code run.onFault = recover} a non-finite
 * loss skips its batch and halves the SAC learning rates, at most {@link #RECOVERIES_PER_EPOCH}
 * times an epoch; every other case stops the run ({@link NumericalFault}).
 */
final class FaultGuard {
    static final int RECOVERIES_PER_EPOCH = 3;
    private static final double MARGIN = 10;

    private final RunConfig config;
    private final Consumer<RunEvent> events;
    private final int actDim;
    private double maxAbsReward;
    private int recoveriesThisEpoch;
    private long recoveries;

    FaultGuard(RunConfig config, int actDim, Consumer<RunEvent> events) {
        this.config = config;
        this.actDim = actDim;
        this.events = events;
    }

    /** Called with every real reward: the scale that bounds a sound critic. */
    void observeReward(double r) {
        if (Double.isFinite(r)) {
            maxAbsReward = Math.max(maxAbsReward, Math.abs(r));
        }
    }

    void newEpoch() {
        recoveriesThisEpoch = 0;
    }

    long recoveries() {
        return recoveries;
    }

    /** The largest |mean Q| taken as sound for temperature {@code alpha}. */
    double criticLimit(double alpha) {
        double perStep = maxAbsReward + alpha * actDim * 10 + 1;
        return MARGIN * perStep / (1 - config.sac().gamma());
    }

    /**
     * @return true when the update counts, false when its batch was skipped (recovered)
     * @throws NumericalFault when the run must stop
     */
    boolean check(SacStats st, long step, int update, Sac sac) {
        if (!st.finite()) {
            String what = "SAC update " + (update + 1) + " of step " + step + " gave " + st;
            if (config.run().recoverFromFaults() && recoveriesThisEpoch < RECOVERIES_PER_EPOCH) {
                recoveriesThisEpoch++;
                recoveries++;
                sac.scaleLearningRates(0.5);
                events.accept(new RunEvent.Fault(step, "sac_update", what + "; recovered: the batch was skipped and the SAC "
                        + "learning rates halved (recovery " + recoveriesThisEpoch + " of " + RECOVERIES_PER_EPOCH + " this epoch)"));
                return false;
            }
            String detail = what + (config.run().recoverFromFaults() ? "; more than " + RECOVERIES_PER_EPOCH
                    + " faults this epoch, so the run stops" : "");
            events.accept(new RunEvent.Fault(step, "sac_update", detail));
            throw new NumericalFault(detail);
        }
        double limit = criticLimit(st.alpha());
        if (Math.abs(st.meanQ()) > limit) {
            String detail = String.format("critic diverged at SAC update %d of step %d: mean Q %.4g, beyond %.4g (10 x (max |reward| %.4g"
                    + " + entropy allowance) / (1 - gamma))", update + 1, step, st.meanQ(), limit, maxAbsReward);
            events.accept(new RunEvent.Fault(step, "critic_divergence", detail));
            throw new NumericalFault(detail);
        }
        return true;
    }
}
