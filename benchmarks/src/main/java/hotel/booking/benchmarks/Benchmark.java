package hotel.booking.benchmarks;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The performance harness. Runs the packaged app as its own process against the local PostgreSQL,
 * drives it over HTTP and SSE, and compares with what PostgreSQL commits on its own:
 *
 * <pre>
 * ./mvnw -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar [--scenarios=throughput,latency,fanout,startup] [--clients=32]
 *     [--profile] [--app-jvm="-XX:+UseParallelGC ..."]
 * </pre>
 *
 * Prints a table and writes {@code results.json} and {@code results.html} under {@code --out}.
 */
public final class Benchmark {

    private final Options options;
    private final Path jar;
    private final Path out;
    private final PostgresServer postgres;
    private final Results results = new Results();

    private Benchmark(Options options) {
        this.options = options;
        this.jar = options.path("jar", "app/target/hotel.jar");
        this.out = options.path("out", "benchmarks/target/benchmark");
        this.postgres = new PostgresServer(options.text("pg-host", "127.0.0.1"), options.number("pg-port", 5432),
                options.text("pg-user", "postgres"), options.text("pg-password", ""));
    }

    public static void main(String[] args) throws Exception {
        Benchmark benchmark = new Benchmark(Options.parse(args));
        AppUnderTest.startPatience = Duration.ofSeconds(benchmark.options.number("start-timeout", 300));
        if (!Files.exists(benchmark.jar)) {
            throw new IllegalStateException("No app at " + benchmark.jar + "; build it first: ./mvnw -DskipTests package");
        }
        Map<String, Scenario> all = new java.util.LinkedHashMap<>();
        all.put("throughput", benchmark::throughput);
        all.put("latency", benchmark::latency);
        all.put("fanout", benchmark::fanout);
        all.put("startup", benchmark::startup);
        List<String> scenarios = benchmark.options.list("scenarios", String.join(",", all.keySet()));
        for (String scenario : scenarios) {
            if (!all.containsKey(scenario)) {
                throw new IllegalArgumentException("No scenario " + scenario + "; there are " + all.keySet());
            }
        }
        boolean allRan = true;
        for (String scenario : scenarios) {
            System.out.println("== " + scenario);
            try {
                all.get(scenario).run();
            } catch (Exception | Error e) {
                // one scenario failing (say the app running out of heap) must not lose the others' figures
                allRan = false;
                e.printStackTrace();
                benchmark.results.goal(scenario, "did not finish: " + e.getClass().getSimpleName(), 0, "", "finishes",
                        false);
            }
            benchmark.results.print(scenario);
            benchmark.results.write(benchmark.out);
        }
        benchmark.results.print(null);
        benchmark.results.write(benchmark.out);
        System.exit(allRan ? 0 : 1);
    }

    private AppUnderTest startOnPostgres(String database, String scenario, List<String> jvmArgs, String... appArgs)
            throws IOException {
        postgres.recreate(database);
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password(),
                "--hotel.rate-limit.bookings.enabled=false"));
        args.addAll(List.of(appArgs));
        return AppUnderTest.start(jar, options.number("port", 18_090), withExtraJvmArgs(jvmArgs, scenario), args, Map.of(),
                out.resolve("app-" + scenario + ".log"));
    }

    /**
     * The scenario's JVM options plus {@code --app-jvm} (space-separated) and, with {@code --profile}, a JFR
     * recording of the app per scenario ({@code <out>/<scenario>.jfr}, open it in JDK Mission Control or
     * {@code jfr print --events jdk.ExecutionSample}).
     */
    private List<String> withExtraJvmArgs(List<String> jvmArgs, String scenario) {
        List<String> all = new ArrayList<>(jvmArgs);
        String extra = options.text("app-jvm", "").trim();
        if (!extra.isEmpty()) {
            all.addAll(List.of(extra.split("\\s+")));
        }
        if (Boolean.parseBoolean(options.text("profile", "false"))) {
            all.add("-XX:StartFlightRecording=settings=profile,filename=" + out.resolve(scenario + ".jfr"));
        }
        return all;
    }

    /** Durable bookings per second against PostgreSQL's own one-row insert rate, same concurrency. */
    private void throughput() throws Exception {
        int clients = options.number("clients", 32);
        int seconds = options.number("seconds", 30);
        int rooms = 200;
        String database = "hotel_bench";
        long ok;
        Histogram latency;
        try (AppUnderTest app = startOnPostgres(database, "throughput", List.of())) {
            HotelApi api = new HotelApi(app.baseUrl());
            api.registerRooms(rooms);
            Slots slots = new Slots(rooms, LocalDate.now().plusDays(1));
            closedLoop(api, slots, clients, Duration.ofSeconds(warmupSeconds()));
            Run run = closedLoop(api, slots, clients, Duration.ofSeconds(seconds));
            ok = run.ok();
            latency = run.latency();
            results.add("throughput", "bookings answered 201 (" + clients + " clients, " + seconds + " s)", ok, "");
            results.add("throughput", "bookings refused or failed", run.failed(), "");
        }
        long stored = postgres.count(database, "SELECT count(*) FROM domain_event_entry WHERE payload_type = "
                + "'hotel.booking.api.RoomReserved'");
        double bookingsPerSecond = ok / (double) seconds;
        results.add("throughput", "durable bookings", bookingsPerSecond, "/s");
        results.add("throughput", "booking latency p50", millis(latency.getValueAtPercentile(50)), "ms");
        results.add("throughput", "booking latency p99", millis(latency.getValueAtPercentile(99)), "ms");
        results.goal("throughput", "every 201 in the event store", stored, "events", ">= 201s (warm-up incl.)",
                stored >= ok);
        if (PgBench.available()) {
            double tps = PgBench.insertsPerSecond(postgres, database, clients, seconds, out);
            results.add("throughput", "pgbench one-row insert, " + clients + " clients", tps, "/s");
            double ratio = bookingsPerSecond / tps;
            results.goal("throughput", "bookings / pgbench inserts", ratio, "ratio", ">= 0.50", ratio >= 0.5);
        } else {
            results.add("throughput", "pgbench not installed: no baseline", 0, "");
        }
        postgres.drop(database);
    }

    /**
     * Load before measuring: the app's JIT compilers were still busy after 10 s (a fifth of a core in
     * the measured window), so the default is 30 s.
     */
    private int warmupSeconds() {
        return options.number("warmup", 30);
    }

    /** Booking-to-SSE latency with many subscribers while booking at a steady rate. */
    private void latency() throws Exception {
        int subscribers = options.number("subscribers", 1000);
        int rate = options.number("rate", 200);
        int seconds = options.number("latency-seconds", 15);
        int warmup = warmupSeconds();
        int nights = 20;
        int rooms = (rate * (seconds + warmup)) / nights + 10;
        LocalDate from = LocalDate.now().plusDays(1);
        try (AppUnderTest app = startOnPostgres("hotel_bench_latency", "latency", List.of())) {
            HotelApi api = new HotelApi(app.baseUrl());
            api.registerRooms(rooms);
            Slots slots = new Slots(rooms, from);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            long opening = System.nanoTime();
            try (SseFleet fleet = SseFleet.open("localhost", app.port(), "/api/availability/stream?from=" + from
                    + "&to=" + from.plusDays(nights), subscribers, 2, data -> sentAt.getOrDefault(key(data), -1L),
                    Duration.ofMinutes(5))) {
                results.add("latency", subscribers + " streams opened in", millis(System.nanoTime() - opening), "ms");
                openLoop(api, slots, sentAt, rate, Duration.ofSeconds(warmup));
                awaitDelivery(fleet, slots.taken(), Duration.ofSeconds(30));
                fleet.resetLatencies();
                long before = slots.taken();
                long changesBefore = fleet.changesReceived();
                Run run = openLoop(api, slots, sentAt, rate, Duration.ofSeconds(seconds));
                long booked = slots.taken() - before;
                awaitDelivery(fleet, slots.taken(), Duration.ofSeconds(30));
                Histogram latency = fleet.latencies();
                double delivered = (fleet.changesReceived() - changesBefore) / (double) (run.ok() * subscribers);
                results.add("latency", "bookings sent (" + rate + "/s for " + seconds + " s)", booked, "");
                results.add("latency", "bookings answered 201", run.ok(), "");
                results.add("latency", "booking answered p50", millis(run.latency().getValueAtPercentile(50)), "ms");
                results.add("latency", "booking answered p99", millis(run.latency().getValueAtPercentile(99)), "ms");
                Histogram first = fleet.firstSubscriberLatencies();
                results.add("latency", "first subscriber's push p50", millis(first.getValueAtPercentile(50)), "ms");
                results.add("latency", "first subscriber's push p99", millis(first.getValueAtPercentile(99)), "ms");
                results.add("latency", "push latency p50", millis(latency.getValueAtPercentile(50)), "ms");
                results.goal("latency", "push latency p99, " + subscribers + " subscribers",
                        millis(latency.getValueAtPercentile(99)), "ms", "<= 50 ms",
                        millis(latency.getValueAtPercentile(99)) <= 50);
                results.add("latency", "push latency max", millis(latency.getMaxValue()), "ms");
                results.goal("latency", "changes delivered / expected", delivered, "ratio", "= 1.00", delivered >= 1.0);
            }
        }
        postgres.drop("hotel_bench_latency");
    }

    /** Ten thousand open streams on one node within a 1 GiB heap; idle ones carry only heartbeats. */
    private void fanout() throws Exception {
        int subscribers = options.number("fanout-subscribers", 10_000);
        int idleSeconds = options.number("idle-seconds", 40);
        LocalDate from = LocalDate.now().plusDays(1);
        try (AppUnderTest app = startOnPostgres("hotel_bench_fanout", "fanout", List.of("-Xmx1g"))) {
            HotelApi api = new HotelApi(app.baseUrl());
            api.registerRooms(20);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            long opening = System.nanoTime();
            try (SseFleet fleet = SseFleet.open("localhost", app.port(), "/api/availability/stream?from=" + from
                    + "&to=" + from.plusDays(14), subscribers, 2, data -> sentAt.getOrDefault(key(data), -1L),
                    Duration.ofMinutes(10))) {
                results.add("fanout", subscribers + " streams opened in", millis(System.nanoTime() - opening), "ms");
                long idleFrom = fleet.bytesAfterSnapshot();
                AppUnderTest.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
                double idleBytes = (fleet.bytesAfterSnapshot() - idleFrom) / (double) subscribers / idleSeconds;
                results.goal("fanout", "idle stream traffic per subscriber", idleBytes, "B/s",
                        "heartbeats only (~1 B/s)", idleBytes < 5);
                results.goal("fanout", "streams still open after idling", fleet.connected(), "",
                        "= " + subscribers, fleet.connected() == subscribers);
                long heap = Jvm.heapUsedAfterGc(app.pid());
                results.goal("fanout", "app heap used after GC (-Xmx1g)", heap / 1024.0 / 1024.0, "MiB",
                        "< 1024 MiB", heap < 1024L * 1024 * 1024);
                results.add("fanout", "app resident memory", Jvm.residentBytes(app.pid()) / 1024.0 / 1024.0, "MiB");
                String room = HotelApi.roomNumber(0);
                sentAt.put(room + "|" + from, System.nanoTime());
                api.book(room, from, from.plusDays(1));
                awaitDelivery(fleet, 1, Duration.ofSeconds(30));
                results.goal("fanout", "subscribers that got a booking", fleet.changesReceived(), "",
                        "= " + subscribers, fleet.changesReceived() == subscribers);
                results.add("fanout", "booking reached all subscribers, p99",
                        millis(fleet.latencies().getValueAtPercentile(99)), "ms");
            }
        }
        postgres.drop("hotel_bench_fanout");
    }

    /** The embedded default, the README's way: first start (initdb) and a restart on the same data. */
    private void startup() throws Exception {
        Path data = Files.createTempDirectory("hotel-bench-startup");
        List<String> args = List.of("--hotel.embedded-postgres.data-dir=" + data.resolve("postgres"));
        Duration first;
        try (AppUnderTest app = AppUnderTest.start(jar, options.number("port", 18_090), List.of(), args, Map.of(),
                out.resolve("app-startup-1.log"))) {
            first = app.readyAfter();
        }
        Duration again;
        try (AppUnderTest app = AppUnderTest.start(jar, options.number("port", 18_090), List.of(), args, Map.of(),
                out.resolve("app-startup-2.log"))) {
            again = app.readyAfter();
        }
        results.goal("startup", "first start to healthy (initdb included)", first.toMillis() / 1000.0, "s",
                "<= 10 s", first.toMillis() <= 10_000);
        results.goal("startup", "restart to healthy", again.toMillis() / 1000.0, "s", "<= 10 s",
                again.toMillis() <= 10_000);
    }

    private interface Scenario {
        void run() throws Exception;
    }

    private record Run(long ok, long failed, Histogram latency) {
    }

    /** Booking slots nobody else takes: one night of one room each, room by room, night by night. */
    static final class Slots {
        private final int rooms;
        private final LocalDate first;
        private final AtomicLong next = new AtomicLong();

        Slots(int rooms, LocalDate first) {
            this.rooms = rooms;
            this.first = first;
        }

        long take() {
            return next.getAndIncrement();
        }

        long taken() {
            return next.get();
        }

        String room(long slot) {
            return HotelApi.roomNumber((int) (slot % rooms));
        }

        LocalDate night(long slot) {
            return first.plusDays(slot / rooms);
        }
    }

    private static Run closedLoop(HotelApi api, Slots slots, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Histogram latency = new Histogram(3);
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                Histogram mine = new Histogram(3);
                try {
                    while (System.nanoTime() < end) {
                        long slot = slots.take();
                        long start = System.nanoTime();
                        int status = api.book(slots.room(slot), slots.night(slot), slots.night(slot).plusDays(1)).status();
                        mine.recordValue(System.nanoTime() - start);
                        (status == 201 ? ok : failed).incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                } finally {
                    synchronized (latency) {
                        latency.add(mine);
                    }
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        return new Run(ok.get(), failed.get(), latency);
    }

    private static Run openLoop(HotelApi api, Slots slots, Map<String, Long> sentAt, int perSecond, Duration duration)
            throws InterruptedException {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long total = duration.toSeconds() * perSecond;
        CountDownLatch sent = new CountDownLatch((int) total);
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        Histogram latency = new Histogram(3);
        ticker.scheduleAtFixedRate(() -> senders.submit(() -> {
            try {
                long slot = slots.take();
                LocalDate night = slots.night(slot);
                long start = System.nanoTime();
                sentAt.put(slots.room(slot) + "|" + night, start);
                int status = api.book(slots.room(slot), night, night.plusDays(1)).status();
                synchronized (latency) {
                    latency.recordValue(System.nanoTime() - start);
                }
                (status == 201 ? ok : failed).incrementAndGet();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            } finally {
                sent.countDown();
            }
        }), 0, periodNanos, TimeUnit.NANOSECONDS);
        AppUnderTest.sleep(duration.toMillis());
        ticker.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.MINUTES);
        return new Run(ok.get(), failed.get(), latency);
    }

    private static void awaitDelivery(SseFleet fleet, long changesEach, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (fleet.minChangesPerSubscriber() < changesEach && System.nanoTime() < deadline) {
            AppUnderTest.sleep(50);
        }
    }

    /** "room|from" of an availability change's data line. */
    private static String key(String data) {
        return field(data, "roomNumber") + "|" + field(data, "from");
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        if (at < 0) {
            return "";
        }
        int start = at + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
