package dev.mbpo.run;

import java.io.IOException;

/** A run folder that cannot be read: the message names the file and the problem. */
public final class RunFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public RunFormatException(String message) {
        super(message);
    }
}
