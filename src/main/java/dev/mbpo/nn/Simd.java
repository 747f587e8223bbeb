package dev.mbpo.nn;

/**
 * Whether the CPU loops of this package ({@link FusedAdam}, {@link FlatParameters}'s Polyak step,
 * the gradient check) run through {@link VectorLoops}: when the JVM has the vector module
 * ({@code --add-modules jdk.incubator.vector}, which {@code ./mbpo}, the build and the tests pass)
 * and {@code -Dmbpo.simd=false} does not turn it off (to compare). Otherwise they run as scalar
 * Java loops or engine operations, with the same results.
 */
final class Simd {
    static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("mbpo.simd"));

    private Simd() {
    }
}
