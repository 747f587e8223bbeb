package dev.mbpo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import dev.mbpo.config.RunConfig;
import dev.mbpo.env.Env;
import dev.mbpo.env.Envs;
import dev.mbpo.nn.EngineOptions;
import dev.mbpo.nn.Engines;
import dev.mbpo.rl.ActorReplica;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The asynchronous loop's collector hands the learner whatever ended its thread. */
class CollectorTest {
    /** Stands for an Error such as a missing native method or exhausted memory. */
    static final class InjectedError extends Error {
        InjectedError() {
            super("injected on the collector's thread");
        }
    }

    /** Pendulum, except that its step {@code failAt} throws. */
    static Env failingAt(int failAt, Env inner) {
        int[] steps = {0};
        return (Env) Proxy.newProxyInstance(Env.class.getClassLoader(), new Class<?>[] {Env.class}, (proxy, method, args) -> {
            if (method.getName().equals("step") && ++steps[0] == failAt) {
                throw new InjectedError();
            }
            try {
                return method.invoke(inner, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Test
    void anErrorOnTheCollectorsThreadReachesTheLearnerInsteadOfEndingTheRunQuietly() {
        Engines.start(new EngineOptions("cpu", 1, 1));
        RunConfig c = MbpoLoopTest.tinyMbpo(1, 1000);
        Env env = failingAt(5, Envs.make("Pendulum-v1"));
        float[] first = env.reset(1);
        try (NDManager m = NDManager.newBaseManager()) {
            ActorReplica policy = new ActorReplica(c.sac(), 3, env.actionSpace(), 2, m);
            try (Collector collector = new Collector(c, env, first, 0, 0, policy, new SplittableRandom(3),
                    new AtomicReference<>(), e -> { })) {
                collector.start();
                for (int i = 0; i < 4; i++) {
                    assertEquals(i, collector.take(() -> false).seq());
                }
                assertThrows(InjectedError.class, () -> collector.take(() -> false));
            }
        }
    }
}
