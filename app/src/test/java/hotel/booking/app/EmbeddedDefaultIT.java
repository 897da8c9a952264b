package hotel.booking.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar, run the README's way on its embedded PostgreSQL: it comes up with the sample
 * rooms, and a {@code kill -9} in the middle of a stream of bookings loses none that was answered
 * 201, leaves none half-written, and a live-availability client resumes to the right picture.
 */
class EmbeddedDefaultIT {

    private static final String STAFF_PASSWORD = "crash-test-staff";
    private static final int GUESTS = 8;
    private static final int ACCEPTED_BEFORE_THE_KILL = 80;

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroy);
    }

    private Process start(int port, int postgresPort) throws IOException {
        Path jar = Path.of(System.getProperty("hotel.jar", "target/hotel.jar")).toAbsolutePath();
        ProcessBuilder app = new ProcessBuilder("java", "-jar", jar.toString(), "--server.port=" + port,
                "--hotel.embedded-postgres.port=" + postgresPort, "--hotel.rate-limit.bookings.capacity=1000000")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("app.log").toFile()));
        app.environment().put("HOTEL_STAFF_PASSWORD", STAFF_PASSWORD);
        Process process = app.start();
        started.add(process);
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitUp(HotelClient hotel) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
               .untilAsserted(() -> assertThat(hotel.get("/api/rooms").body()).hasSize(10));
    }

    /** One booking a guest tried to make, and what (if anything) the app answered. */
    record Attempt(UUID reservationId, String room, LocalDate checkIn, int status, String token) {
        static final int NO_ANSWER = -1;

        boolean answered201() {
            return status == 201;
        }
    }

    @Test
    void aKill9MidStreamLosesNoBookingThatGot201AndHalfWritesNone() throws Exception {
        int port = freePort();
        int postgresPort = freePort();
        HotelClient hotel = new HotelClient(port);
        Process first = start(port, postgresPort);
        awaitUp(hotel);
        LocalDate firstNight = LocalDate.now().plusDays(3);
        String range = "from=" + firstNight + "&to=" + firstNight.plusDays(120);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(hotel.get("/api/availability?" + range).body().get("rooms")).hasSize(10));
        SseClient watcher = SseClient.connect("http://localhost:" + port + "/api/availability/stream?" + range);
        StreamConvergenceTest.Picture picture =
                new StreamConvergenceTest.Picture(watcher.next("snapshot", Duration.ofSeconds(30)).data());

        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        CountDownLatch enoughAccepted = new CountDownLatch(ACCEPTED_BEFORE_THE_KILL);
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService guests = Executors.newFixedThreadPool(GUESTS);
        for (int g = 0; g < GUESTS; g++) {
            int guest = g;
            guests.submit(() -> bookUntilTheAppIsGone(hotel, guest, firstNight, attempts, enoughAccepted, killed));
        }
        assertThat(enoughAccepted.await(120, TimeUnit.SECONDS)).as("bookings accepted before the kill").isTrue();
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        killed.set(true);
        guests.shutdown();
        assertThat(guests.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(work.resolve("data/postgres/postmaster.pid")))
                .as("the embedded PostgreSQL outlived the killed app").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(watcher::ended);
        watcher.drain().stream().filter(e -> e.name().equals("availability")).forEach(picture::apply);
        long seenBeforeTheKill = picture.lastId;

        start(port, postgresPort);
        awaitUp(hotel);

        Set<UUID> inEventStore = reservedInEventStore(postgresPort);
        Set<UUID> inRegistry = ids(postgresPort, "SELECT reservation_id FROM reservation_registry");
        List<Attempt> accepted = attempts.stream().filter(Attempt::answered201).toList();
        List<Attempt> unanswered = attempts.stream().filter(a -> a.status() == Attempt.NO_ANSWER).toList();
        long unansweredButKept = unanswered.stream().filter(a -> inEventStore.contains(a.reservationId())).count();
        System.out.printf("Crash test: %d booking attempts, %d answered 201 before the kill, %d in flight without "
                        + "an answer (%d of them committed), %d other answers%n", attempts.size(), accepted.size(),
                unanswered.size(), unansweredButKept, attempts.size() - accepted.size() - unanswered.size());

        assertThat(attempts).allSatisfy(a -> assertThat(a.status()).isIn(201, Attempt.NO_ANSWER));
        assertThat(inEventStore).as("every booking answered 201 is in the event store")
                                .containsAll(accepted.stream().map(Attempt::reservationId).toList());
        assertThat(inRegistry).as("the registry, written in the same transaction as the events")
                              .isEqualTo(inEventStore);
        HotelClient staff = hotel.as("staff", STAFF_PASSWORD);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (UUID kept : inEventStore) {
                assertThat(staff.get("/api/reservations/" + kept).text("status")).as("projection of " + kept)
                                                                                .isEqualTo("CONFIRMED");
            }
        });
        for (Attempt booking : accepted) {
            assertThat(hotel.get("/api/reservations/" + booking.reservationId(), "X-Reservation-Token", booking.token())
                            .status()).isEqualTo(200);
        }
        for (Attempt lost : unanswered) {
            HotelClient.Response retry = hotel.book(lost.reservationId(), lost.room(), lost.checkIn(),
                    lost.checkIn().plusDays(1));
            assertThat(retry.status()).as("a retry of an unanswered booking after the restart").isEqualTo(201);
        }
        assertThat(reservedInEventStore(postgresPort))
                .containsAll(attempts.stream().map(Attempt::reservationId).toList());
        assertThat(countReserved(postgresPort)).as("one RoomReserved per reservation, retries included")
                                              .isEqualTo(attempts.size());

        resumeTheStreamWhereItBroke(hotel, port, range, picture, attempts);
        System.out.printf("Crash test: the stream broke after change %d and resumed to change %d%n",
                seenBeforeTheKill, picture.lastId);
    }

    /**
     * A browser whose stream broke with the app reconnects with the last id it saw and, from the
     * changes it missed (or a fresh snapshot), comes to the picture the read model shows.
     */
    private static void resumeTheStreamWhereItBroke(HotelClient hotel, int port, String range,
                                                    StreamConvergenceTest.Picture picture,
                                                    ConcurrentLinkedQueue<Attempt> attempts) {
        JsonNode[] truth = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            truth[0] = hotel.get("/api/availability?" + range).body();
            StreamConvergenceTest.Picture all = new StreamConvergenceTest.Picture(truth[0]);
            assertThat(attempts).allSatisfy(a -> assertThat(all.rooms.get(a.room()).get(a.checkIn()))
                    .as("night %s of room %s", a.checkIn(), a.room()).isFalse());
        });
        Map<String, Map<LocalDate, Boolean>> expected = new StreamConvergenceTest.Picture(truth[0]).rooms;
        try (SseClient resumed = SseClient.connect("http://localhost:" + port + "/api/availability/stream?" + range,
                "Last-Event-ID", Long.toString(picture.lastId))) {
            assertThat(resumed.status()).isEqualTo(200);
            StreamConvergenceTest.Picture current = picture;
            while (!current.rooms.equals(expected)) {
                SseClient.Event event = resumed.next(Duration.ofSeconds(20));
                if (event.name().equals("snapshot")) {
                    current = new StreamConvergenceTest.Picture(event.data());
                } else if (event.name().equals("availability")) {
                    current.apply(event);
                }
            }
            picture.lastId = current.lastId;
        }
    }

    /**
     * Guest g books night after night, each in a room of its own turn (so guests overlap in rooms
     * but never in nights): every answer is a 201, until the app is killed under it.
     */
    private static void bookUntilTheAppIsGone(HotelClient hotel, int guest, LocalDate firstNight,
                                              ConcurrentLinkedQueue<Attempt> attempts, CountDownLatch enoughAccepted,
                                              AtomicBoolean killed) {
        for (int n = 0; n < 2_000 && !killed.get(); n++) {
            String room = Integer.toString(101 + n % 10);
            LocalDate night = firstNight.plusDays(guest + (long) GUESTS * (n / 10));
            UUID id = UUID.randomUUID();
            try {
                HotelClient.Response answer = hotel.book(id, room, night, night.plusDays(1));
                attempts.add(new Attempt(id, room, night, answer.status(), answer.text("cancellationToken")));
                if (answer.status() == 201) {
                    enoughAccepted.countDown();
                }
            } catch (UncheckedIOException | IllegalStateException noAnswer) {
                attempts.add(new Attempt(id, room, night, Attempt.NO_ANSWER, null));
                return;
            }
        }
    }

    private static Set<UUID> reservedInEventStore(int postgresPort) throws SQLException, IOException {
        Set<UUID> ids = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Connection db = connect(postgresPort); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                                               + "WHERE payload_type = 'hotel.booking.api.RoomReserved'")) {
            while (rows.next()) {
                ids.add(UUID.fromString(json.readTree(rows.getString(1)).get("reservationId").asText()));
            }
        }
        return ids;
    }

    private static long countReserved(int postgresPort) throws SQLException {
        try (Connection db = connect(postgresPort); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM domain_event_entry "
                                               + "WHERE payload_type = 'hotel.booking.api.RoomReserved'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Set<UUID> ids(int postgresPort, String query) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (Connection db = connect(postgresPort); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static Connection connect(int postgresPort) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "");
    }
}
