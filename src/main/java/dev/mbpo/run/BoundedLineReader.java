package dev.mbpo.run;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine} but never holds more than a limit
 * in memory: a longer line is skipped up to its end and reported as {@link #TOO_LONG}, so
 * that a malicious or corrupted file with a gigabyte on one line cannot exhaust the heap.
 */
final class BoundedLineReader implements AutoCloseable {
    /** Returned instead of a line longer than the limit (compare by identity). */
    static final String TOO_LONG = new String("<line too long>");

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private long skippedChars;
    private boolean terminated;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or null at the end of the input. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        skippedChars = 0;
        boolean previous = terminated;
        terminated = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (!any) {
                        terminated = previous; // still about the last line returned
                        return null;
                    }
                    if (!tooLong && line.length() > maxChars) {
                        skippedChars = line.length();
                        return TOO_LONG;
                    }
                    return tooLong ? TOO_LONG : line.toString();
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            // One extra char for the '\r' of a "\r\n" ending, checked again once it is stripped.
            if (!tooLong && line.length() + n > maxChars + 1L) {
                tooLong = true;
                skippedChars = line.length();
                line.setLength(0);
                line.trimToSize();
            }
            if (tooLong) {
                skippedChars += n;
            } else {
                line.append(buf, start, n);
            }
            if (pos < len) { // at a newline
                pos++;
                terminated = true;
                if (!tooLong && line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                    line.setLength(line.length() - 1);
                }
                if (!tooLong && line.length() > maxChars) {
                    skippedChars = line.length();
                    return TOO_LONG;
                }
                return tooLong ? TOO_LONG : line.toString();
            }
        }
    }

    /** Whether the line last returned ended with a newline (false: the input ended inside it). */
    boolean lastTerminated() {
        return terminated;
    }

    /** Characters in the last line returned as {@link #TOO_LONG}. */
    long skippedChars() {
        return skippedChars;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
