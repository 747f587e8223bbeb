package dev.mbpo.ui;

import dev.mbpo.run.RunEvent;

/**
 * A view fed by run events, live or replayed: it cannot tell which. Events arrive on the
 * FX thread in batches; {@link #flush()} ends each batch (one redraw per frame).
 */
interface RunView {
    /** What the model's views say on a run that learns no model. */
    String NO_MODEL = "SAC learns no model: these plots fill in on MBPO runs";
    String NO_POLICY = "MPC learns no policy (it plans every action): no SAC statistics";

    void accept(RunEvent e);

    /** Forget everything (a new run, or a replay jumping back). */
    void reset();

    /** Called once after each batch of events. */
    default void flush() {
    }
}
