package dev.mbpo.env;

import dev.mbpo.env.mujoco.Ant;
import dev.mbpo.env.mujoco.HalfCheetah;
import dev.mbpo.env.mujoco.Hopper;
import dev.mbpo.env.mujoco.InvertedPendulum;
import dev.mbpo.env.mujoco.MujocoLibrary;
import dev.mbpo.env.mujoco.Walker2d;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The registry of built-in environments, by Gymnasium-style id. */
public final class Envs {
    /** How to make an environment, and whether it is a MuJoCo task (which needs Debian's libmujoco at run time). */
    private record Entry(Supplier<Env> factory, boolean mujoco) {
    }

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put(Pendulum.ID, new Entry(Pendulum::new, false));
        REGISTRY.put(MountainCarContinuous.ID, new Entry(MountainCarContinuous::new, false));
        REGISTRY.put(ContinuousCartPole.ID, new Entry(ContinuousCartPole::new, false));
        REGISTRY.put(CartPoleSwingUp.ID, new Entry(CartPoleSwingUp::new, false));
        REGISTRY.put(InvertedPendulum.ID, new Entry(InvertedPendulum::new, true));
        REGISTRY.put(HalfCheetah.ID, new Entry(HalfCheetah::new, true));
        REGISTRY.put(Hopper.ID, new Entry(Hopper::new, true));
        REGISTRY.put(Walker2d.ID, new Entry(Walker2d::new, true));
        REGISTRY.put(Ant.ID, new Entry(Ant::new, true));
    }

    /** True for the MuJoCo tasks (env.mujoco). */
    public static boolean needsMujoco(String id) {
        Entry e = REGISTRY.get(id);
        return e != null && e.mujoco();
    }

    /** Why the environment cannot run here (a MuJoCo task without MuJoCo), in one line; empty when it can. */
    public static java.util.Optional<String> unavailable(String id) {
        if (needsMujoco(id) && !MujocoLibrary.available()) {
            return java.util.Optional.of(MujocoLibrary.unavailableReason());
        }
        return java.util.Optional.empty();
    }

    private Envs() {
    }

    /**
     * A new environment with the given id. A MuJoCo task holds native memory: close it when done
     * (a dropped one is freed by a cleaner).
     *
     * @throws IllegalArgumentException for an unknown id, listing the known ones
     * @throws IllegalStateException    for a MuJoCo task where MuJoCo is unavailable, saying why
     */
    public static Env make(String id) {
        Entry entry = id == null ? null : REGISTRY.get(id);
        if (entry == null) {
            throw new IllegalArgumentException("Unknown environment id '" + id + "'; known ids: " + String.join(", ", ids()));
        }
        java.util.Optional<String> why = unavailable(id);
        if (why.isPresent()) {
            throw new IllegalStateException(id + " needs MuJoCo, which is unavailable here: " + why.get());
        }
        return entry.factory().get();
    }

    /** The known ids, in a stable order. */
    public static List<String> ids() {
        return List.copyOf(REGISTRY.keySet());
    }
}
