package dev.mbpo.env;

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
    }

    private Envs() {
    }

    /**
     * A new environment with the given id.
     *
     * @throws IllegalArgumentException for an unknown id, listing the known ones
     */
    public static Env make(String id) {
        Supplier<Env> factory = id == null ? null : REGISTRY.get(id);
        if (factory == null) {
            throw new IllegalArgumentException("Unknown environment id '" + id + "'; known ids: " + String.join(", ", ids()));
        }
        return factory.get();
    }

    /** The known ids, in a stable order. */
    public static List<String> ids() {
        return List.copyOf(REGISTRY.keySet());
    }
}
