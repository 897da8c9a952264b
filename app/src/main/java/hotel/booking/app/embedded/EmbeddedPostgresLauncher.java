package hotel.booking.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts the embedded PostgreSQL on a data folder that survives restarts. A PostgreSQL left running
 * by an app that was killed ({@code kill -9}) still holds the folder; it is shut down cleanly first,
 * so the next start just works. A folder in use by another running app is refused.
 */
class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final String ZONKY_LOCK = "epg-lock";
    private static final Duration ORPHAN_SHUTDOWN = Duration.ofSeconds(30);

    private final Path dataDir;
    private final int port;

    EmbeddedPostgresLauncher(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
    }

    EmbeddedPostgres start() throws IOException {
        Files.createDirectories(dataDir);
        if (Files.exists(dataDir.resolve("postgresql.conf"))) {
            ensureNoOtherAppUsesFolder();
            orphanedPostmaster().ifPresent(this::shutDown);
        } else {
            // initdb wants an empty folder; a lock file is all a failed first start can have left
            Files.deleteIfExists(dataDir.resolve(ZONKY_LOCK));
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "localhost");
        if (port > 0) {
            builder.setPort(port);
        }
        log.info("Starting the embedded PostgreSQL on {}", dataDir);
        return builder.start();
    }

    private void ensureNoOtherAppUsesFolder() throws IOException {
        Path lockFile = dataDir.resolve(ZONKY_LOCK);
        try (FileOutputStream out = new FileOutputStream(lockFile.toFile());
             FileLock lock = out.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another running app uses " + dataDir
                        + "; stop it or set hotel.embedded-postgres.data-dir to another folder");
            }
        }
    }

    private Optional<ProcessHandle> orphanedPostmaster() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    }

    private void shutDown(ProcessHandle postmaster) {
        log.warn("A PostgreSQL (pid {}) from an app that did not stop cleanly still runs on {}; shutting it down",
                postmaster.pid(), dataDir);
        signalFastShutdown(postmaster);
        try {
            postmaster.onExit().get(ORPHAN_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") on " + dataDir
                    + " did not stop within " + ORPHAN_SHUTDOWN.toSeconds() + " s", e);
        }
    }

    /** SIGINT is PostgreSQL's fast shutdown: sessions are ended and the data are left consistent. */
    private static void signalFastShutdown(ProcessHandle postmaster) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true).start();
            if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            log.debug("kill -INT not available", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postmaster.destroy();
    }
}
