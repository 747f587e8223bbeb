package dev.mbpo.config;

/** The order of a SAC update's critic and actor steps ({@code sac.update}). */
public enum UpdateOrder implements Choice {
    SEQUENTIAL("the actor learns against the critics just updated (SB3, SpinningUp, pranz24's SAC)"),
    SIMULTANEOUS("critic and actor losses both from the parameters before the update (rlkit; softlearning, "
            + "the original MBPO code)"),
    PARALLEL("as simultaneous, with the actor's and the critics' gradients computed on two threads at once "
            + "(a second core, the same numbers)");

    private final String description;

    UpdateOrder(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return label();
    }
}
