package dev.mbpo.config;

/** The order of a SAC update's critic and actor steps ({@code sac.update}). */
public enum UpdateOrder implements Choice {
    SEQUENTIAL("sequential", "the actor learns against the critics just updated (SB3, SpinningUp, pranz24's SAC)"),
    SIMULTANEOUS("simultaneous", "critic and actor losses both from the parameters before the update (rlkit; softlearning, "
            + "the original MBPO code)"),
    PARALLEL("parallel", "as simultaneous, with the actor's and the critics' gradients computed on two threads at once "
            + "(a second core, the same numbers)");

    private final String label;
    private final String description;

    UpdateOrder(String label, String description) {
        this.label = label;
        this.description = description;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return label;
    }
}
