package dev.mbpo.train;

import dev.mbpo.model.StopReason;
import dev.mbpo.model.TrainingSummary;
import dev.mbpo.run.RunEvent;

/** Whether a finished model training left a sound model: finite losses and holdout errors, a bounded predicted variance. */
final class ModelSoundness {
    private ModelSoundness() {
    }

    /** Largest sound bound on the predicted log-variance: a standard deviation of e^5 (about 150). */
    static final double MAX_LOG_VAR = 10;

    /** The fault of a finished training, or null when the model is sound. */
    static RunEvent.Fault unsound(long step, int training, TrainingSummary s, double logVarBound) {
        if (s.stopReason() == StopReason.NON_FINITE) {
            return new RunEvent.Fault(step, "model_train", "model training " + training + " at step " + step
                    + ": a minibatch loss or the data was not finite (not applied)");
        }
        if (!java.util.Arrays.stream(s.holdoutMse()).allMatch(Double::isFinite)) {
            return new RunEvent.Fault(step, "model_train", "model training " + training + " at step " + step
                    + ": holdout error not finite " + java.util.Arrays.toString(s.holdoutMse()));
        }
        if (!(logVarBound <= MAX_LOG_VAR)) {
            return new RunEvent.Fault(step, "model_variance", String.format("model variance exploded at step %d: the "
                    + "log-variance bound reached %.3g (allowed up to %.0f, i.e. a standard deviation of %.0f)", step, logVarBound,
                    MAX_LOG_VAR, Math.exp(MAX_LOG_VAR / 2)));
        }
        return null;
    }
}
