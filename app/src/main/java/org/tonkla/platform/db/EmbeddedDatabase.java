package org.tonkla.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL: real PostgreSQL binaries unpacked from Maven Central, so that a fresh
 * machine needs nothing but a JDK. A persistent server (./data) stops with the application; the
 * ephemeral one of the tests is shared by every Spring context in the JVM and stops with the JVM.
 */
final class EmbeddedDatabase {

    static final String USER = "postgres";
    static final String DATABASE = "tonkla";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static EmbeddedServer shared;
    /** Long enough for a server stopped cleanly on a slow laptop; after a crash the configured recovery wait applies. */
    private static final Duration NORMAL_WAIT = Duration.ofSeconds(60);

    private EmbeddedDatabase() {}

    /**
     * The persistent server cannot start: what happened and what to do, which {@link EmbeddedDatabaseFailureAnalyzer}
     * prints in place of a stack trace.
     */
    static final class CannotStart extends RuntimeException {
        private final String action;

        CannotStart(String description, String action, Throwable cause) {
            super(description + " " + action, cause);
            this.action = action;
        }

        String description() {
            return getMessage().substring(0, getMessage().length() - action.length() - 1);
        }

        String action() {
            return action;
        }
    }

    static EmbeddedServer persistent(Path directory, int port) {
        return persistent(directory, port, Duration.ofMinutes(10));
    }

    /**
     * @param recoveryWait how long PostgreSQL may take to answer after it was not shut down cleanly: it first replays
     *     its write-ahead log. After a clean stop it answers within seconds, and a server that cannot start at all
     *     should not keep the person starting Tonkla waiting that long.
     */
    static EmbeddedServer persistent(Path directory, int port, Duration recoveryWait) {
        Duration wait = NORMAL_WAIT;
        Path serverLog = directory.toAbsolutePath().resolveSibling("logs").resolve("postgres.log");
        try {
            Files.createDirectories(directory);
            Files.createDirectories(serverLog.getParent());
            // A server whose Tonkla died (no one holds Zonky's lock) still holds the directory; Zonky would wait for it
            // in vain, so it is named at once. Without a server, an unclean stop means the log is replayed first.
            // The lock is probed once, and only when the last server did not stop cleanly (the probe opens the lock file).
            boolean unclean = PostmasterPid.uncleanStop(directory) && !PostmasterPid.lockedByAnotherTonkla(directory);
            if (unclean && PostmasterPid.present(directory)) {
                Long orphan = PostmasterPid.running(directory);
                if (orphan != null) {
                    throw new CannotStart("A PostgreSQL (process " + orphan + ") is still running on the data directory " + directory
                            + ", left by a Tonkla that stopped without it (or is still stopping).",
                            "If Tonkla was stopped a moment ago, wait a minute and start again; otherwise stop it with: kill -INT " + orphan, null);
                }
            }
            if (unclean) {
                wait = recoveryWait;
                log.warn("The embedded PostgreSQL in {} was not shut down cleanly (power cut or killed): it replays its log"
                        + " before it answers, which can take minutes for a large database (waiting up to {}).", directory, shown(wait));
            }
            // The port must be free: the starter waits until something answers on it, so another Tonkla's server there
            // would be taken for this one, and migrated and written to (a review's generate run did just that).
            try (var probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new java.net.InetSocketAddress("localhost", port));
            } catch (IOException taken) {
                throw new CannotStart("Port " + port + " is already in use, so the embedded PostgreSQL of " + directory
                        + " cannot start there.", "Is another Tonkla running? Stop it, or set TONKLA_DB_EMBEDDED_PORT to a free port.", taken);
            }
            log.info("Starting embedded PostgreSQL in {} on port {} (its messages: {})", directory.toAbsolutePath(), port, serverLog);
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // Zonky's defaults are for throw-away test servers (no fsync, asynchronous commits). This one
                    // holds real data: a power cut must not corrupt it or lose a committed record.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Stopped by the application context instead, after the connection pool.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(wait)
                    // PostgreSQL's own messages (why it did not start, recovery progress) in a file of their own.
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
                    .start();
            PostmasterPid.ours(directory, true);
            return new EmbeddedServer(postgres, true, directory);
        } catch (IOException | IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Gave up waiting for server to start")) {
                // Zonky leaves the server it started running; stopped, it cannot hold the directory against the next try.
                if (PostmasterPid.stop(directory)) {
                    throw new CannotStart("The embedded PostgreSQL in " + directory + " did not answer within " + shown(wait)
                            + " and was stopped. After a power cut it first replays its log, which can take longer for a large"
                            + " database; its messages are in " + serverLog + ".",
                            "Set TONKLA_DB_STARTUP_WAIT longer (e.g. 30m) and start again.", e);
                }
                throw new CannotStart("The embedded PostgreSQL in " + directory + " did not start.",
                        "Its messages, in " + serverLog + ", say why.", e);
            }
            // Zonky says "could not lock …/epg-lock" (an IllegalStateException) when another server holds the directory.
            String reason = null;
            for (Throwable t = e; reason == null && t != null; t = t.getCause()) reason = t.getMessage();
            // Another process's server holds the directory's lock ("could not lock"); in this process, an overlapping lock.
            boolean locked = e instanceof java.nio.channels.OverlappingFileLockException || (reason != null && reason.contains("could not lock"));
            String what = locked ? "The data directory " + directory + " is in use by another embedded PostgreSQL, so this one cannot start there."
                    : "Could not start the embedded PostgreSQL in " + directory + " on port " + port + ": "
                            + (reason == null ? e.getClass().getSimpleName() : reason) + ".";
            throw new CannotStart(what,
                    "Is another Tonkla running on this data directory? Stop it, or set TONKLA_DATA_DIR or TONKLA_DB_EMBEDDED_PORT.", e);
        }
    }

    /** 10m, 30s: as TONKLA_DB_STARTUP_WAIT is written. */
    private static String shown(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    static synchronized EmbeddedServer ephemeral() {
        if (shared == null) {
            try {
                // Zonky's own shutdown hook stops it when the test JVM ends.
                shared = new EmbeddedServer(EmbeddedPostgres.builder().start(), false);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
        return shared;
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /** A running server with the application database created on it; {@link #NONE} when external. */
    static final class EmbeddedServer implements AutoCloseable {

        static final EmbeddedServer NONE = new EmbeddedServer(null, false);
        private final EmbeddedPostgres postgres;
        private final boolean stopWithApplication;
        private final Path directory;

        EmbeddedServer(EmbeddedPostgres postgres, boolean stopWithApplication) {
            this(postgres, stopWithApplication, null);
        }

        EmbeddedServer(EmbeddedPostgres postgres, boolean stopWithApplication, Path directory) {
            this.postgres = postgres;
            this.stopWithApplication = stopWithApplication;
            this.directory = directory;
            if (postgres != null) createDatabase();
        }

        private void createDatabase() {
            try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create database " + DATABASE, e);
            }
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl(USER, DATABASE);
        }

        @Override
        public void close() {
            if (postgres != null && stopWithApplication) {
                log.info("Stopping embedded PostgreSQL");
                stop(postgres);
                if (directory != null) PostmasterPid.ours(directory, false);
            }
        }
    }
}
