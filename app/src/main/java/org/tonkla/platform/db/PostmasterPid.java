package org.tonkla.platform.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's {@code postmaster.pid} in a data directory: present while a server runs, left behind when it was killed.
 * Its first line is the server's process id.
 */
final class PostmasterPid {

    private PostmasterPid() {}

    static boolean present(Path directory) {
        return Files.exists(directory.resolve("postmaster.pid"));
    }

    /** Whether a living Tonkla holds the lock Zonky takes on the directory (another process, or this one). */
    static boolean lockedByAnotherTonkla(Path directory) {
        try (var channel = FileChannel.open(directory.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            var lock = channel.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The process id of a PostgreSQL server still running on the directory, or null. */
    static Long running(Path directory) {
        Long pid = read(directory);
        if (pid == null) return null;
        // After a reboot the file is stale and its number may belong to another program.
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .map(ProcessHandle::pid).orElse(null);
    }

    /**
     * Stops the server running on the directory (SIGTERM: PostgreSQL's smart shutdown) and waits for it to end. The
     * file may not be written yet when the server was only just started, so it is waited for a little.
     */
    static void stop(Path directory) {
        Long pid = null;
        for (int i = 0; i < 50 && pid == null; i++) {
            pid = running(directory);
            if (pid == null) sleep(Duration.ofMillis(100));
        }
        if (pid == null) return;
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            }
        });
    }

    private static Long read(Path directory) {
        try {
            var lines = Files.readAllLines(directory.resolve("postmaster.pid"));
            return lines.isEmpty() ? null : Long.valueOf(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
