import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of scripts/cluster-check.sh, run as a single-file source program ({@code java
 * scripts/ClusterCheck.java --key=value ...}; JDK 17, nothing else on the class path).
 *
 * <p>It registers the rooms (as staff) through both command nodes, opens live-availability streams
 * (SSE) on every query node, books at a steady rate through both command nodes, {@code kill -9}s one
 * query node in the middle of it, and then checks that every subscriber got one change per accepted
 * booking (the subscribers of the dead node resume on another with {@code Last-Event-ID}), measuring
 * the time from the booking's {@code 201} to each subscriber's receipt of its change. Every accepted
 * booking is then read back through a live query node. It prints the figures, writes the accepted
 * reservation ids ({@code accepted}) and the time of the kill ({@code killed-at}, epoch ms) to
 * {@code --out}, and exits with 1 when a check fails.
 */
public class ClusterCheck {

    static final Pattern RESERVATION_ID = Pattern.compile("\"reservationId\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"cancellationToken\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern ROOM = Pattern.compile("\"roomNumber\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern FROM = Pattern.compile("\"from\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern AVAILABLE = Pattern.compile("\"available\"\\s*:\\s*(true|false)");

    final Map<String, String> options;
    final HttpClient http = HttpClient.newBuilder()
                                      .version(HttpClient.Version.HTTP_1_1)
                                      .connectTimeout(Duration.ofSeconds(2))
                                      .build();
    final List<Integer> commandPorts = new ArrayList<>();
    final List<QueryNode> queryNodes = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final long origin = System.nanoTime();
    final long originEpochMillis = System.currentTimeMillis();
    final PrintStream out = System.out;

    record QueryNode(int port, long pid) {
    }

    ClusterCheck(Map<String, String> options) {
        this.options = options;
        for (String port : option("command", null).split(",")) {
            commandPorts.add(Integer.parseInt(port.trim()));
        }
        for (String node : option("query", null).split(",")) {
            String[] portAndPid = node.trim().split(":");
            queryNodes.add(new QueryNode(Integer.parseInt(portAndPid[0]), Long.parseLong(portAndPid[1])));
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Arguments are --key=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        System.exit(new ClusterCheck(options).run());
    }

    String option(String name, String fallback) {
        String value = options.getOrDefault(name, fallback);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is needed");
        }
        return value;
    }

    int number(String name, int fallback) {
        return Integer.parseInt(option(name, String.valueOf(fallback)));
    }

    /** Milliseconds since the start, from the monotonic clock. */
    double now() {
        return (System.nanoTime() - origin) / 1e6;
    }

    long epoch(double at) {
        return originEpochMillis + Math.round(at);
    }

    void log(String message) {
        out.printf(Locale.ROOT, "%s %s%n", java.time.LocalTime.now().withNano(0), message);
    }

    void fail(String message) {
        failures.add(message);
        log("FAIL: " + message);
    }

    // --- the run ----------------------------------------------------------------------------------

    int run() throws Exception {
        int rooms = number("rooms", 40);
        int nights = number("nights", 60);
        int rate = number("rate", 10);
        int seconds = number("seconds", 60);
        int concurrency = number("concurrency", 8);
        int subscribersPerNode = number("subscribers", 2);
        double killAt = Double.parseDouble(option("kill-at", "0.5"));
        long victimPid = Long.parseLong(option("victim", "0"));
        int latencyLimit = number("p99-limit-ms", 1000);
        int failoverLimit = number("failover-limit-ms", 15000);
        Path outDir = Path.of(option("out", "."));
        String staffPassword = option("staff-password", System.getenv("HOTEL_STAFF_PASSWORD"));
        LocalDate first = LocalDate.now(ZoneOffset.UTC).plusDays(14);
        LocalDate end = first.plusDays(nights);

        registerRooms(rooms, staffPassword);

        List<Subscriber> subscribers = new ArrayList<>();
        for (int node = 0; node < queryNodes.size(); node++) {
            for (int i = 0; i < subscribersPerNode; i++) {
                subscribers.add(new Subscriber("q" + (node + 1) + "-s" + (i + 1), node, first, end));
            }
        }
        subscribers.forEach(Subscriber::start);
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.ready.await(60, TimeUnit.SECONDS)) {
                fail(subscriber.name + " got no snapshot within 60 s");
                return 1;
            }
        }
        log(subscribers.size() + " subscribers streaming, " + subscribersPerNode + " on each query node");

        // --- bookings at a steady rate through both command nodes, a query node killed on the way
        int total = rate * seconds;
        Random random = new Random(Long.parseLong(option("seed", String.valueOf(System.nanoTime()))));
        List<Booking> bookings = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            int start = random.nextInt(nights);
            int stay = Math.min(1 + random.nextInt(3), nights - start);
            bookings.add(new Booking(commandPorts.get(i % commandPorts.size()), "C" + (1 + random.nextInt(rooms)),
                    first.plusDays(start), first.plusDays(start + stay), UUID.randomUUID().toString()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        CountDownLatch answered = new CountDownLatch(total);
        double loadStart = now();
        double killedAt = Double.NaN;
        long killedAtEpoch = 0;
        int killIndex = victimPid > 0 ? (int) (total * killAt) : -1;
        QueryNode victim = queryNodes.stream().filter(node -> node.pid() == victimPid).findFirst().orElse(null);
        for (int i = 0; i < total; i++) {
            double due = loadStart + i * 1000.0 / rate;
            long wait = (long) (due - now());
            if (wait > 0) {
                Thread.sleep(wait);
            }
            if (i == killIndex) {
                if (victim == null) {
                    fail("no query node has pid " + victimPid);
                } else {
                    ProcessHandle.of(victimPid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
                    killedAt = now();
                    killedAtEpoch = System.currentTimeMillis();
                    log("kill -9 the query node on port " + victim.port() + " (pid " + victimPid + ") after "
                        + i + " booking requests");
                }
            }
            Booking booking = bookings.get(i);
            pool.execute(() -> {
                try {
                    book(booking);
                } finally {
                    answered.countDown();
                }
            });
        }
        if (!answered.await(120, TimeUnit.SECONDS)) {
            fail("booking requests unanswered after 120 s");
        }
        pool.shutdownNow();
        double loadMs = now() - loadStart;
        List<Booking> accepted = bookings.stream().filter(b -> b.status == 201).toList();
        long conflicts = bookings.stream().filter(b -> b.status == 409).count();
        Map<Integer, Long> others = new java.util.TreeMap<>();
        bookings.stream().filter(b -> b.status != 201 && b.status != 409)
                .forEach(b -> others.merge(b.status, 1L, Long::sum));
        log(String.format(Locale.ROOT, "load done: %d booking requests in %.1f s; %d booked, %d refused (409), others %s",
                total, loadMs / 1000, accepted.size(), conflicts, others));
        if (!others.isEmpty()) {
            fail("answers other than 201 and 409: " + others + " (status 0: no answer)");
        }

        // --- every change to every subscriber
        Map<String, Booking> byChange = new HashMap<>();
        accepted.forEach(b -> byChange.put(b.change(), b));
        double drainFrom = now();
        int drainLimit = number("drain-timeout-s", 30) * 1000;
        while (now() - drainFrom < drainLimit
               && !subscribers.stream().allMatch(s -> s.received.keySet().containsAll(byChange.keySet()))) {
            Thread.sleep(100);
        }
        double drainMs = now() - drainFrom;
        subscribers.forEach(Subscriber::stop);

        // --- figures
        long expected = (long) accepted.size() * subscribers.size();
        long delivered = 0;
        List<Double> steady = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        List<Double> affected = new ArrayList<>();
        // pushes resumed: the first receipt after the kill of a change accepted after it
        double resumedAt = Double.NaN;
        if (!Double.isNaN(killedAt)) {
            for (Booking booking : accepted) {
                if (booking.answeredAt > killedAt) {
                    for (Subscriber subscriber : subscribers) {
                        Double at = subscriber.received.get(booking.change());
                        if (at != null && (Double.isNaN(resumedAt) || at < resumedAt)) {
                            resumedAt = at;
                        }
                    }
                }
            }
        }
        final double kill = killedAt;
        final double resumed = Double.isNaN(resumedAt) ? Double.MAX_VALUE : resumedAt;
        for (Booking booking : accepted) {
            // a change still on its way at the kill, or accepted before pushes resumed, waited for the failover
            boolean waitedForFailover = !Double.isNaN(kill) && booking.answeredAt <= resumed
                    && subscribers.stream().anyMatch(s -> {
                        Double at = s.received.get(booking.change());
                        return at == null || at > kill;
                    });
            for (Subscriber subscriber : subscribers) {
                Double at = subscriber.received.get(booking.change());
                if (at == null) {
                    continue;
                }
                delivered++;
                double latency = Math.max(0, at - booking.answeredAt);
                all.add(latency);
                (waitedForFailover ? affected : steady).add(latency);
            }
        }
        long missing = expected - delivered;
        long unmatched = subscribers.stream()
                                    .mapToLong(s -> s.received.keySet().stream().filter(k -> !byChange.containsKey(k)).count())
                                    .sum();
        long duplicates = subscribers.stream().mapToLong(s -> s.duplicates.get()).sum();
        long freshSnapshots = subscribers.stream().mapToLong(s -> s.snapshotsOnResume.get()).sum();
        List<Subscriber> moved = subscribers.stream().filter(s -> victim != null && s.node == queryNodes.indexOf(victim))
                                            .toList();
        double resumedSubscribersAt = moved.stream().mapToDouble(s -> s.resumedAt).max().orElse(Double.NaN);

        if (missing > 0) {
            fail(missing + " of " + expected + " (booking, subscriber) changes never arrived; per subscriber: "
                 + subscribers.stream().map(s -> s.name + " " + s.received.keySet().stream()
                                                                 .filter(byChange::containsKey).count())
                              .toList());
        }
        if (unmatched > 0) {
            fail(unmatched + " changes pushed that no accepted booking made");
        }
        if (duplicates > 0) {
            fail(duplicates + " changes pushed twice to the same subscriber");
        }
        if (freshSnapshots > 0) {
            fail(freshSnapshots + " resumes answered with a fresh snapshot instead of the missed changes");
        }
        double steadyP99 = percentile(steady, 0.99);
        if (steadyP99 > latencyLimit) {
            fail(String.format(Locale.ROOT, "push latency p99 %.0f ms is above %d ms", steadyP99, latencyLimit));
        }
        if (victim != null) {
            if (moved.stream().anyMatch(s -> Double.isNaN(s.resumedAt))) {
                fail("subscribers of the killed node did not resume on another");
            }
            if (Double.isNaN(resumedAt) || resumedAt - killedAt > failoverLimit) {
                fail("pushes did not resume within " + failoverLimit + " ms of the kill");
            }
        }

        // --- every accepted booking reads back through a live query node
        List<QueryNode> live = queryNodes.stream().filter(node -> node.pid() != victimPid).toList();
        AtomicInteger readsOk = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(concurrency);
        for (Booking booking : accepted) {
            for (QueryNode node : live) {
                readers.execute(() -> {
                    if (readBack(node.port(), booking)) {
                        readsOk.incrementAndGet();
                    }
                });
            }
        }
        readers.shutdown();
        readers.awaitTermination(120, TimeUnit.SECONDS);
        int reads = accepted.size() * live.size();
        if (readsOk.get() != reads) {
            fail((reads - readsOk.get()) + " of " + reads + " reads of accepted bookings through the live query nodes failed");
        }

        // per change: when it was answered, first and last received (epoch ms), for the breakdown by stage
        StringBuilder receipts = new StringBuilder();
        for (Booking booking : accepted) {
            var times = subscribers.stream().map(s -> s.received.get(booking.change())).filter(java.util.Objects::nonNull)
                                   .mapToDouble(Double::doubleValue).summaryStatistics();
            if (times.getCount() > 0) {
                receipts.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%d\t%d\t%d%n", booking.room, booking.checkIn,
                        booking.checkOut, epoch(booking.answeredAt), epoch(times.getMin()), epoch(times.getMax())));
            }
        }
        Files.writeString(outDir.resolve("receipts"), receipts);
        StringBuilder ids = new StringBuilder();
        accepted.forEach(b -> ids.append(b.id).append('\n'));
        Files.writeString(outDir.resolve("accepted"), ids);
        Files.writeString(outDir.resolve("killed-at"), killedAtEpoch > 0 ? String.valueOf(killedAtEpoch) : "");

        List<Double> answerTimes = bookings.stream().filter(b -> b.status > 0).map(b -> b.answeredAt - b.sentAt).toList();
        out.println();
        out.println("Live stream and bookings (ClusterCheck)");
        row("booking requests", String.format(Locale.ROOT, "%d at %d command nodes, %d/s planned, %.1f/s achieved, %d at most at once",
                total, commandPorts.size(), rate, total * 1000.0 / loadMs, concurrency));
        row("answers", String.format(Locale.ROOT, "%d booked (201), %d nights taken (409), %d other", accepted.size(), conflicts,
                others.values().stream().mapToLong(Long::longValue).sum()));
        row("booking latency", latencies(answerTimes));
        row("subscribers", String.format(Locale.ROOT, "%d per query node on %d query nodes (%d in all)", subscribersPerNode,
                queryNodes.size(), subscribers.size()));
        row("delivery", String.format(Locale.ROOT, "%d of %d changes x subscribers (%.2f %%), %d duplicates, %d unmatched, %d fresh snapshots on resume",
                delivered, expected, expected == 0 ? 100.0 : 100.0 * delivered / expected, duplicates, unmatched, freshSnapshots));
        row("push latency", latencies(steady) + "  (201 answer to SSE receipt; " + steady.size() + " receipts)");
        if (victim != null) {
            row("  during failover", latencies(affected) + "  (" + affected.size()
                    + " receipts of changes pending at the kill or made before pushes resumed)");
            row("  all receipts", latencies(all));
            row("failover", String.format(Locale.ROOT, "kill -9 of the query node on %d: its %d subscribers resumed on another "
                    + "%.0f ms after, pushes resumed %.0f ms after", victim.port(), moved.size(),
                    resumedSubscribersAt - killedAt, resumedAt - killedAt));
        }
        row("caught up", String.format(Locale.ROOT, "every subscriber had every change %.0f ms after the last answer", drainMs));
        row("read back", readsOk.get() + " of " + reads + " accepted bookings through the live query nodes");
        out.println();
        return failures.isEmpty() ? 0 : 1;
    }

    void row(String name, String value) {
        out.printf(Locale.ROOT, "  %-20s %s%n", name, value);
    }

    static double percentile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return 0;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String latencies(List<Double> values) {
        return String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms", percentile(values, 0.5),
                percentile(values, 0.95), percentile(values, 0.99), percentile(values, 1));
    }

    // --- HTTP ---------------------------------------------------------------------------------------

    void registerRooms(int rooms, String staffPassword) throws Exception {
        String auth = "Basic " + Base64.getEncoder()
                                       .encodeToString(("staff:" + staffPassword).getBytes(StandardCharsets.UTF_8));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (int i = 1; i <= rooms; i++) {
            String body = "{\"roomNumber\":\"C" + i + "\",\"type\":\"DOUBLE\",\"capacity\":2,\"nightlyRate\":100.00}";
            URI uri = URI.create("http://127.0.0.1:" + commandPorts.get(i % commandPorts.size()) + "/api/rooms");
            answers.add(pool.submit(() -> http.send(HttpRequest.newBuilder(uri)
                                                               .timeout(Duration.ofSeconds(30))
                                                               .header("Content-Type", "application/json")
                                                               .header("Authorization", auth)
                                                               .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        for (int i = 0; i < rooms; i++) {
            int status = answers.get(i).get();
            if (status != 201) {
                fail("registering room C" + (i + 1) + " answered " + status);
            }
        }
        pool.shutdown();
        for (QueryNode node : queryNodes) {
            double deadline = now() + 60_000;
            while (true) {
                String list = get(node.port(), "/api/rooms");
                long listed = list == null ? 0 : ROOM.matcher(list).results().count();
                if (listed >= rooms) {
                    break;
                }
                if (now() > deadline) {
                    throw new IllegalStateException("the query node on " + node.port() + " lists " + listed + " rooms, not " + rooms);
                }
                Thread.sleep(200);
            }
        }
        log(rooms + " rooms registered through " + commandPorts.size() + " command nodes, listed by every query node");
    }

    String get(int port, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                                 .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    void book(Booking booking) {
        String body = String.format("{\"reservationId\":\"%s\",\"roomNumber\":\"%s\",\"checkIn\":\"%s\",\"checkOut\":\"%s\","
                + "\"guestName\":\"Guest %s\",\"guestEmail\":\"guest@example.com\"}", booking.id, booking.room,
                booking.checkIn, booking.checkOut, booking.id.substring(0, 8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + booking.port + "/api/reservations"))
                                         .timeout(Duration.ofSeconds(30))
                                         .header("Content-Type", "application/json")
                                         .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        booking.sentAt = now();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            booking.answeredAt = now();
            booking.status = response.statusCode();
            if (booking.status == 201) {
                Matcher token = TOKEN.matcher(response.body());
                booking.token = token.find() ? token.group(1) : null;
                Matcher id = RESERVATION_ID.matcher(response.body());
                if (!id.find() || !id.group(1).equals(booking.id)) {
                    fail("booking " + booking.id + " answered 201 with another reservation id: " + response.body());
                }
            }
        } catch (IOException | InterruptedException e) {
            booking.answeredAt = now();
            booking.status = 0;
        }
    }

    boolean readBack(int port, Booking booking) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reservations/" + booking.id))
                               .timeout(Duration.ofSeconds(10))
                               .header("X-Reservation-Token", String.valueOf(booking.token)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"status\":\"CONFIRMED\"");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static final class Booking {
        final int port;
        final String room;
        final LocalDate checkIn;
        final LocalDate checkOut;
        final String id;
        volatile double sentAt;
        volatile double answeredAt;
        volatile int status = -1;
        volatile String token;

        Booking(int port, String room, LocalDate checkIn, LocalDate checkOut, String id) {
            this.port = port;
            this.room = room;
            this.checkIn = checkIn;
            this.checkOut = checkOut;
            this.id = id;
        }

        /** The availability change this booking makes: no other active reservation can make the same. */
        String change() {
            return room + " " + checkIn + " " + checkOut;
        }
    }

    // --- SSE ----------------------------------------------------------------------------------------

    /**
     * One live-availability stream. When it breaks it resumes, on the next query node that answers,
     * from the last event id it saw.
     */
    final class Subscriber {
        final String name;
        final int node;
        final LocalDate from;
        final LocalDate to;
        final CountDownLatch ready = new CountDownLatch(1);
        /** change -> when it arrived (ms since the start) */
        final Map<String, Double> received = new ConcurrentHashMap<>();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger snapshotsOnResume = new AtomicInteger();
        volatile boolean stopped;
        volatile InputStream body;
        volatile String lastEventId;
        volatile double resumedAt = Double.NaN;
        final Thread thread;
        int currentNode;

        Subscriber(String name, int node, LocalDate from, LocalDate to) {
            this.name = name;
            this.node = node;
            this.currentNode = node;
            this.from = from;
            this.to = to;
            this.thread = new Thread(this::follow, "sse-" + name);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() {
            stopped = true;
            InputStream stream = body;
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            thread.interrupt();
        }

        void follow() {
            boolean resuming = false;
            while (!stopped) {
                int port = queryNodes.get(currentNode).port();
                try {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/availability/stream?from=" + from + "&to=" + to))
                                                             .header("Accept", "text/event-stream");
                    if (lastEventId != null) {
                        request.header("Last-Event-ID", lastEventId);
                    }
                    HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                    body = response.body();
                    if (response.statusCode() != 200) {
                        body.close();
                        throw new IOException("status " + response.statusCode());
                    }
                    if (resuming) {
                        resumedAt = now();
                        log(name + " resumed on port " + port + " after event " + lastEventId);
                    }
                    read(body, resuming);
                } catch (IOException | RuntimeException e) {
                    // broken or refused: try the next node
                } catch (InterruptedException e) {
                    return;
                }
                if (stopped) {
                    return;
                }
                resuming = true;
                currentNode = (currentNode + 1) % queryNodes.size();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void read(InputStream stream, boolean resuming) throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
            String id = null;
            String event = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0 || id != null) {
                        dispatch(id, event, data.toString(), resuming);
                    }
                    id = null;
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    continue;
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data.append(data.length() > 0 ? "\n" : "").append(value);
                        default -> {
                        }
                    }
                }
            }
        }

        void dispatch(String id, String event, String data, boolean resuming) {
            double at = now();
            if (id != null) {
                lastEventId = id;
            }
            if (event.equals("snapshot")) {
                if (resuming) {
                    snapshotsOnResume.incrementAndGet();
                }
                ready.countDown();
            } else if (event.equals("availability")) {
                Matcher available = AVAILABLE.matcher(data);
                if (available.find() && available.group(1).equals("false")) {
                    String change = field(ROOM, data) + " " + field(FROM, data) + " " + field(TO, data);
                    if (received.putIfAbsent(change, at) != null) {
                        duplicates.incrementAndGet();
                    }
                }
            }
        }

        String field(Pattern pattern, String data) {
            Matcher matcher = pattern.matcher(data);
            return matcher.find() ? matcher.group(1) : "?";
        }
    }
}
