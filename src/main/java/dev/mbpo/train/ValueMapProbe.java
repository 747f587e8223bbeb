package dev.mbpo.train;

import dev.mbpo.env.Env;
import dev.mbpo.rl.Sac;
import dev.mbpo.run.RunEvent;
import java.util.Optional;

/** The critic's value over the environment's phase plane, where it has one (the teaching views draw it). */
final class ValueMapProbe {
    /** Points per axis (33 x 33 states: one batched forward pass). */
    static final int GRID = 33;

    private ValueMapProbe() {
    }

    /** Q(s, mean action) of the first critic on the grid; empty for an environment without a phase plane. */
    static Optional<RunEvent.ValueMap> measure(long step, Env env, Sac sac) {
        return env.phasePlane().map(plane -> {
            int obsDim = env.observationSpace().dim();
            float[] obsGrid = new float[GRID * GRID * obsDim];
            for (int j = 0; j < GRID; j++) {
                double y = plane.yMin() + (plane.yMax() - plane.yMin()) * j / (GRID - 1);
                for (int i = 0; i < GRID; i++) {
                    double x = plane.xMin() + (plane.xMax() - plane.xMin()) * i / (GRID - 1);
                    System.arraycopy(plane.observationAt(x, y), 0, obsGrid, (j * GRID + i) * obsDim, obsDim);
                }
            }
            float[] actions = sac.actBatch(obsGrid, GRID * GRID, true);
            float[] q = sac.q(obsGrid, actions, GRID * GRID);
            return new RunEvent.ValueMap(step, GRID, GRID, plane.xMin(), plane.xMax(), plane.yMin(), plane.yMax(), q);
        });
    }
}
