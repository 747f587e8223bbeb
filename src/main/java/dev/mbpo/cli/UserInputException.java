package dev.mbpo.cli;

/** Bad input from the user: printed as one line, exit status 2, no stack trace. */
public final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
