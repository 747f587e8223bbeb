package dev.mbpo.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The writer's claim on a run folder: an OS file lock on {@code run.lock}, held while a
 * recorder appends to the run, so that two workbench windows or command lines sharing a
 * runs folder never write into the same run (resuming a run another process is still writing
 * is refused). The OS drops the lock when the process dies, so a killed run can be resumed.
 * The file holds the owner's process id, for the message.
 */
final class RunLock implements AutoCloseable {
    static final String FILE = "run.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or throws an IOException naming the process that holds it. */
    static RunLock acquire(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM already holds it (another window or session in this process)
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            String owner = readOwner(ch);
            ch.close();
            throw new IOException("run " + runDir.getFileName() + " is being written by another process"
                    + (owner.isEmpty() ? "" : " (pid " + owner + ")") + "; wait until it ends or stop it first");
        }
        try {
            byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(pid), 0);
        } catch (IOException e) {
            // The lock itself is what matters; the pid is only for messages (e.g. the disk is full).
        }
        return new RunLock(ch, lock);
    }

    private static String readOwner(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            int n = ch.read(b, 0);
            return n <= 0 ? "" : new String(b.array(), 0, n, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // released when the channel closes anyway
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
