package hotel.booking.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's own rate for a durable one-row insert at a given concurrency, measured by pgbench. */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private PgBench() {
    }

    static boolean available() {
        try {
            return new ProcessBuilder("pgbench", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Inserts per second, committed one row per transaction like a booking. */
    static double insertsPerSecond(PostgresServer server, String database, int clients, int seconds, Path work)
            throws IOException, InterruptedException {
        server.execute(database, "CREATE TABLE IF NOT EXISTS pgbench_one_row (id BIGSERIAL PRIMARY KEY, "
                + "payload BYTEA NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now())");
        Path script = work.resolve("one-insert.sql");
        Files.createDirectories(work);
        Files.writeString(script, "INSERT INTO pgbench_one_row (payload) VALUES (convert_to(repeat('x', 300), 'UTF8'));\n");
        ProcessBuilder builder = new ProcessBuilder(List.of("pgbench", "-n", "-h", server.host(), "-p",
                Integer.toString(server.port()), "-U", server.user(), "-c", Integer.toString(clients), "-j",
                Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
                Integer.toString(seconds), "-f", script.toString(), database)).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", server.password());
        Process pgbench = builder.start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgbench.waitFor();
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench said:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }
}
