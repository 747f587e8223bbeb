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
    private static final Map<String, Supplier<Env>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put(Pendulum.ID, Pendulum::new);
        REGISTRY.put(MountainCarContinuous.ID, MountainCarContinuous::new);
        REGISTRY.put(ContinuousCartPole.ID, ContinuousCartPole::new);
        REGISTRY.put(CartPoleSwingUp.ID, CartPoleSwingUp::new);
        REGISTRY.put(InvertedPendulum.ID, InvertedPendulum::new);
        REGISTRY.put(HalfCheetah.ID, HalfCheetah::new);
        REGISTRY.put(Hopper.ID, Hopper::new);
        REGISTRY.put(Walker2d.ID, Walker2d::new);
        REGISTRY.put(Ant.ID, Ant::new);
    }

    /** The MuJoCo tasks (env.mujoco), which need Debian's libmujoco at run time. */
    private static final java.util.Set<String> MUJOCO = java.util.Set.of(InvertedPendulum.ID, HalfCheetah.ID, Hopper.ID,
            Walker2d.ID, Ant.ID);

    /** True for the MuJoCo tasks (env.mujoco). */
    public static boolean needsMujoco(String id) {
        return MUJOCO.contains(id);
    }

    /** Why the environment cannot run here (a MuJoCo task without MuJoCo), in one line; empty when it can. */
    public static java.util.Optional<String> unavailable(String id) {
        if (MUJOCO.contains(id) && !MujocoLibrary.available()) {
            return java.util.Optional.of(id + " needs MuJoCo, which is unavailable here: " + MujocoLibrary.unavailableReason());
        }
        return java.util.Optional.empty();
    }

    private Envs() {
    }

    /**
     * A new environment with the given id. A MuJoCo task holds native memory: close it when done
     * (it is {@link AutoCloseable}; a dropped one is freed by a cleaner).
     *
     * @throws IllegalArgumentException for an unknown id, listing the known ones
     * @throws IllegalStateException    for a MuJoCo task where MuJoCo is unavailable, saying why
     */
    public static Env make(String id) {
        Supplier<Env> factory = id == null ? null : REGISTRY.get(id);
        if (factory == null) {
            throw new IllegalArgumentException("Unknown environment id '" + id + "'; known ids: " + String.join(", ", ids()));
        }
        java.util.Optional<String> why = unavailable(id);
        if (why.isPresent()) {
            throw new IllegalStateException(why.get());
        }
        return factory.get();
    }

    /** The known ids, in a stable order. */
    public static List<String> ids() {
        return List.copyOf(REGISTRY.keySet());
    }
}
