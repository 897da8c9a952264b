package hotel.booking.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged app as its own process, started the way an operator would start it. */
final class AppUnderTest implements AutoCloseable {

    static final String STAFF_PASSWORD = "benchmark-staff-password";

    private final Process process;
    private final int port;
    private final long startedAt = System.nanoTime();
    private Duration readyAfter;

    /** How long an app may take to answer its health check ({@code --start-timeout}, seconds). */
    static volatile Duration startPatience = Duration.ofMinutes(5);

    private AppUnderTest(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static AppUnderTest start(Path jar, int port, List<String> jvmArgs, List<String> appArgs, Map<String, String> env,
                              Path log) throws IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(port)) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is taken (an app left over from an earlier run?): "
                                            + "free it or pass --port", e);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(appArgs);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.environment().put("HOTEL_STAFF_PASSWORD", STAFF_PASSWORD);
        builder.environment().put("HOTEL_AUDITOR_PASSWORD", STAFF_PASSWORD + "-auditor");
        builder.environment().put("HOTEL_ANALYST_PASSWORD", STAFF_PASSWORD + "-analyst");
        builder.environment().putAll(env);
        AppUnderTest app = new AppUnderTest(builder.start(), port);
        try {
            app.awaitHealthy(startPatience);
        } catch (RuntimeException e) {
            app.process.destroyForcibly();
            throw e;
        }
        return app;
    }

    private void awaitHealthy(Duration patience) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + " before it was up");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    readyAfter = Duration.ofNanos(System.nanoTime() - startedAt);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(50);
        }
        throw new IllegalStateException("The app was not healthy within " + patience);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Duration readyAfter() {
        return readyAfter;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
