package dev.mbpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mbpo.model.StopReason;
import dev.mbpo.model.TrainingSummary;
import dev.mbpo.run.RunEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model training that went wrong is named right after it, before any rollout uses the model. */
class ModelFaultTest {
    private static TrainingSummary summary(StopReason reason, double... mse) {
        return new TrainingSummary(List.of(), new int[] {0}, mse, reason, 100, 20, 0.1, new double[0]);
    }

    @Test
    void soundTrainingPasses() {
        assertNull(ModelSoundness.unsound(400, 1, summary(StopReason.EARLY_STOP, 0.01, 0.02), 0.5));
    }

    @Test
    void nonFiniteLossOrDataIsAModelTrainFault() {
        RunEvent.Fault f = ModelSoundness.unsound(400, 1, summary(StopReason.NON_FINITE, Double.NaN, Double.NaN), 0.5);
        assertEquals("model_train", f.kind());
        assertTrue(f.detail().contains("not finite (not applied)"), f.detail());
        RunEvent.Fault g = ModelSoundness.unsound(400, 1, summary(StopReason.EARLY_STOP, 0.01, Double.POSITIVE_INFINITY), 0.5);
        assertTrue(g.detail().contains("holdout error not finite"), g.detail());
    }

    @Test
    void anExplodingVarianceBoundIsAModelVarianceFault() {
        assertNull(ModelSoundness.unsound(400, 1, summary(StopReason.EARLY_STOP, 0.01), ModelSoundness.MAX_LOG_VAR));
        RunEvent.Fault f = ModelSoundness.unsound(600, 2, summary(StopReason.EARLY_STOP, 0.01), 23.5);
        assertEquals("model_variance", f.kind());
        assertTrue(f.detail().startsWith("model variance exploded at step 600: the log-variance bound reached 23.5"), f.detail());
        assertEquals("model_variance", ModelSoundness.unsound(600, 2, summary(StopReason.EARLY_STOP, 0.01), Double.NaN).kind());
    }
}
