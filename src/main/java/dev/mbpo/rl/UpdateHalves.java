package dev.mbpo.rl;

import dev.mbpo.nn.AdamOptimizer;
import java.util.function.BooleanSupplier;

/**
 * The two halves of a SAC update as {@link Sac} computes them before deciding whether to apply
 * each, and the small helpers that build and check them.
 */
final class UpdateHalves {
    private UpdateHalves() {
    }

    /**
     * The actor's half: its loss, the batch's mean log-probability, whether its gradient was
     * recorded and is finite, and, when it was not finite, what recomputing it from the same
     * inputs showed.
     */
    record ActorHalf(double loss, double meanLogProb, boolean backward, boolean gradientFinite, String note) {
        ActorHalf withNote(String n) {
            return new ActorHalf(loss, meanLogProb, backward, gradientFinite, n);
        }
    }

    /** The critics' half: their loss, the mean Q, whether their gradient was recorded and is finite, and a note as above. */
    record CriticHalf(double loss, double meanQ, boolean backward, boolean gradientFinite, String note) {
        CriticHalf withNote(String n) {
            return new CriticHalf(loss, meanQ, backward, gradientFinite, n);
        }
    }

    /**
     * After a finite loss gave a gradient that is not finite (already discarded): runs {@code pass}
     * once more on the same inputs and weights, discards what it accumulates, and says whether it
     * came out finite. Not finite again: the numbers themselves overflow. Finite: the first
     * gradient was damaged by something outside this computation (another thread, memory).
     * The step is skipped either way.
     */
    static String recheck(BooleanSupplier pass, AdamOptimizer opt, String whose) {
        boolean finiteAgain = pass.getAsBoolean();
        opt.discardGradients();
        return whose + " gradient was not finite under a finite loss; recomputed at once from the same batch, noise and weights it was "
                + (finiteAgain ? "finite (so the first result was damaged, not the numbers)" : "not finite again (the numbers overflow)");
    }

    /** Rows of [a | b] from rows of a (width wa) and of b (width wb): a concatenation made in Java, not by the engine. */
    static float[] joinRows(float[] a, int wa, float[] b, int wb) {
        int rows = a.length / wa;
        float[] out = new float[rows * (wa + wb)];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a, r * wa, out, r * (wa + wb), wa);
            System.arraycopy(b, r * wb, out, r * (wa + wb) + wa, wb);
        }
        return out;
    }
}
