package hotel.booking.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged app run the README's way ({@code java -jar app/target/hotel.jar}) on its embedded
 * PostgreSQL, with a data folder of its own and a free port; a restart keeps both.
 */
final class HotelServer implements AutoCloseable {

    /** The front desk's password for this app (HTTP Basic, user {@code staff}). */
    static final String STAFF_PASSWORD = "front-desk-" + Long.toHexString(System.nanoTime());

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int SAMPLE_ROOMS = 10;

    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final HotelApi api;
    private Process process;

    private HotelServer(Path jar, Path dataDir, Path log, int port) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.api = new HotelApi(baseUrl());
    }

    /** The jar that the build packaged, set to keep its data in {@code dataDir}; not started yet. */
    static HotelServer packaged(Path dataDir, Path log) {
        Path jar = Path.of(System.getProperty("hotel.jar", "../../app/target/hotel.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            fail("The packaged app is missing: " + jar + " (build it with ./mvnw -DskipTests package)");
        }
        return new HotelServer(jar, dataDir, log, freePort());
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    HotelApi api() {
        return api;
    }

    /** Starts the app and waits until it answers with its sample rooms. */
    void start() {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder app = new ProcessBuilder(List.of(javaCommand(), "-jar", jar.toString(),
                    "--server.port=" + port, "--hotel.embedded-postgres.data-dir=" + dataDir));
            app.environment().put("HOTEL_STAFF_PASSWORD", STAFF_PASSWORD);
            process = app.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    /** Stops the app as an operator would (SIGTERM, a graceful shutdown) and waits until it is gone. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("The app did not stop within " + STOP_TIMEOUT + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        LocalDate today = LocalDate.now();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("The app exited with " + process.exitValue() + " while starting; see " + log);
            }
            if (api.availableRooms(today, today.plusDays(1)) >= SAMPLE_ROOMS) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        fail("The app did not come up within " + START_TIMEOUT + "; see " + log);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
