package org.tonkla.platform.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's {@code postmaster.pid} in a data directory: present while a server runs, left behind when it was killed.
 * Its first line is the server's process id, its third the server's start time (seconds since 1970).
 */
final class PostmasterPid {

    /** The directories whose server this JVM runs: asking the operating system would release Zonky's lock (below). */
    private static final Set<Path> OURS = ConcurrentHashMap.newKeySet();

    private PostmasterPid() {}

    static boolean present(Path directory) {
        return Files.exists(directory.resolve("postmaster.pid"));
    }

    /**
     * Whether the last server on the directory did not shut down cleanly, so the next one replays its log first: its
     * postmaster.pid was left, or {@code global/pg_control} says something other than "shut down" (a server stopped
     * half-way through its recovery removes its postmaster.pid, but has still to recover). Read by hand: no library
     * reads pg_control, and Zonky ships no pg_controldata. The state is the int after the 8-byte system identifier and
     * two 4-byte version numbers, in the machine's byte order, unchanged since PostgreSQL 8.
     */
    static boolean uncleanStop(Path directory) {
        if (present(directory)) return true;
        Path control = directory.resolve("global").resolve("pg_control");
        if (!Files.exists(control)) return false;
        try (var channel = FileChannel.open(control, StandardOpenOption.READ)) {
            var state = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.nativeOrder());
            if (channel.read(state, 16) < 4) return false;
            return state.getInt(0) != SHUT_DOWN;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code DB_SHUTDOWNED} of PostgreSQL's {@code DBState} (pg_control.h). */
    private static final int SHUT_DOWN = 1;

    static void ours(Path directory, boolean running) {
        if (running) OURS.add(directory.toAbsolutePath().normalize());
        else OURS.remove(directory.toAbsolutePath().normalize());
    }

    /**
     * Whether a living Tonkla holds the lock Zonky takes on the directory, or whether that cannot be told (then the
     * directory is taken to be in use).
     */
    static boolean lockedByAnotherTonkla(Path directory) {
        // Closing any channel of a file drops this JVM's locks on it, Zonky's too: this JVM's own are known instead.
        if (OURS.contains(directory.toAbsolutePath().normalize())) return true;
        try (var channel = FileChannel.open(directory.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            var lock = channel.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException | IOException e) {
            return true;
        }
    }

    /**
     * The process id of the PostgreSQL server the file was written by, if it still runs; null otherwise. After a reboot
     * the file is stale and its number may belong to another program, even another PostgreSQL: the process must also
     * have started when the file says.
     */
    static Long running(Path directory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(directory.resolve("postmaster.pid"));
        } catch (IOException e) {
            return null;
        }
        if (lines.size() < 3) return null;
        long pid;
        Instant started;
        try {
            pid = Long.parseLong(lines.get(0).trim());
            started = Instant.ofEpochSecond(Long.parseLong(lines.get(2).trim()));
        } catch (NumberFormatException e) {
            return null;
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres") || c.endsWith("postgres.exe")).orElse(false))
                .filter(p -> p.info().startInstant().map(s -> Duration.between(s, started).abs().toSeconds() <= 2).orElse(false))
                .map(ProcessHandle::pid).orElse(null);
    }

    /**
     * Stops the server running on the directory (SIGTERM: PostgreSQL's smart shutdown; nothing is connected to a server
     * that never answered) and waits for it to end. The file may not be written yet when the server was only just
     * started, so it is waited for a little.
     *
     * @return whether a server was found (and stopped)
     */
    static boolean stop(Path directory) {
        Long pid = null;
        for (int i = 0; i < 50 && pid == null; i++) {
            pid = running(directory);
            if (pid == null) sleep(Duration.ofMillis(100));
        }
        if (pid == null) return false;
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            }
        });
        return true;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
