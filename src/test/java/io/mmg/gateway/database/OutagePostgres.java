package io.mmg.gateway.database;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL of a test's own that the test can stop (pg_ctl stop -m fast), kill (kill -9 of the
 * postmaster) and start again on the same data directory and port, as an operator or a crash would.
 */
final class OutagePostgres {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres running;

    private OutagePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static OutagePostgres start() {
        OutagePostgres postgres = notStarted();
        postgres.startAgain();
        return postgres;
    }

    /** A free port and an empty data directory; {@link #startAgain()} starts it. */
    static OutagePostgres notStarted() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return new OutagePostgres(Files.createTempDirectory(target, "outage-postgres"), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    synchronized void startAgain() {
        try {
            // Durable commits, as a real server has them: the library's default (off) loses the last commits on a kill.
            running = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "on").setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** pg_ctl stop -m fast: sessions are told (57P01) and the server shuts down cleanly. */
    synchronized void stop() {
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -9 of the postmaster (its pid from postmaster.pid); returns once its server processes are gone. */
    synchronized void kill() {
        long pid = postmasterPid();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        // Orphaned backends leave when they notice the postmaster's death; a restart needs them gone.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> !postmaster.isAlive() && children.stream().noneMatch(ProcessHandle::isAlive));
        releaseWithoutStopping();
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Frees the data directory's lock of the killed instance so that a new one can start; its pg_ctl stop fails
     * (there is nothing left to stop) and would log that at ERROR, which is the point of the test, not a failure.
     */
    private void releaseWithoutStopping() {
        Logger zonky = (Logger) LoggerFactory.getLogger(EmbeddedPostgres.class);
        Level level = zonky.getLevel();
        zonky.setLevel(Level.OFF);
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            zonky.setLevel(level);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
