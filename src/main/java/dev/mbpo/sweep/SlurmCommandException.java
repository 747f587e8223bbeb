package dev.mbpo.sweep;

import java.io.IOException;

/**
 * One of Slurm's own commands (sbatch, scancel) failed or did not answer: the cluster's
 * message, for one line on the command line. The sweep's plan is kept, so the sweep can be
 * resumed once the cluster answers.
 */
public final class SlurmCommandException extends IOException {
    private static final long serialVersionUID = 1L;

    public SlurmCommandException(String message) {
        super(message);
    }
}
