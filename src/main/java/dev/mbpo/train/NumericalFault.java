package dev.mbpo.train;

/** A NaN or infinite number where learning must produce finite ones; ends the run as crashed. */
final class NumericalFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NumericalFault(String message) {
        super(message);
    }
}
