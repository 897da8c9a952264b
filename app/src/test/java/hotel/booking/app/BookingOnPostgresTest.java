package hotel.booking.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotel.booking.testsupport.FreshPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole app on a real PostgreSQL, through its HTTP API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hotel.sample-rooms=false", "hotel.room.snapshot-threshold=5",
                "hotel.security.staff-password=" + BookingOnPostgresTest.STAFF_PASSWORD,
                "hotel.rate-limit.bookings.capacity=100000"})
@FreshPostgres
class BookingOnPostgresTest {

    static final String STAFF_PASSWORD = "front-desk-secret";
    private static final AtomicInteger ROOMS = new AtomicInteger(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private HotelClient hotel;
    private String room;
    private final LocalDate night = LocalDate.now().plusDays(30);

    @BeforeEach
    void aFreshRoom() {
        hotel = new HotelClient(port);
        room = Integer.toString(ROOMS.incrementAndGet());
        assertThat(hotel.as("staff", STAFF_PASSWORD).registerRoom(room, "DOUBLE", 2, "120.00").status()).isEqualTo(201);
    }

    private List<Map<String, Object>> eventsOf(String aggregate) {
        return jdbc.sql("""
                        SELECT payload_type, payload_revision, convert_from(payload, 'UTF8') AS payload
                        FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number
                        """)
                   .param(aggregate).query().listOfRows();
    }

    @Test
    void aBookingLeavesARoomReservedEventWhosePayloadIsJson() throws Exception {
        HotelClient.Response booking = hotel.book(room, night, night.plusDays(3));

        assertThat(booking.status()).isEqualTo(201);
        Map<String, Object> event = eventsOf(room).get(1);
        assertThat(event.get("payload_type")).isEqualTo("hotel.booking.api.RoomReserved");
        assertThat(event.get("payload_revision")).isEqualTo("1");
        JsonNode payload = JSON.readTree((String) event.get("payload"));
        assertThat(payload.get("reservationId").asText()).isEqualTo(booking.text("reservationId"));
        assertThat(payload.get("stay").get("checkIn").asText()).isEqualTo(night.toString());
        assertThat(payload.get("totalPrice").decimalValue()).isEqualByComparingTo("360.00");
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns WHERE table_name = "
                            + "'domain_event_entry' AND column_name IN ('payload', 'meta_data')")
                       .query(String.class).list()).containsOnly("bytea");
    }

    @Test
    void twentyGuestsRacingForOneNightGetOneBooking() throws Exception {
        int guests = 20;
        ExecutorService pool = Executors.newFixedThreadPool(guests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < guests; i++) {
            Callable<Integer> guest = () -> {
                start.await();
                return hotel.book(room, night, night.plusDays(1)).status();
            };
            answers.add(pool.submit(guest));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        Map<Integer, Long> byStatus = statuses.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, (long) guests - 1));
        assertThat(eventsOf(room)).extracting(e -> e.get("payload_type"))
                                  .containsExactly("hotel.booking.api.RoomRegistered", "hotel.booking.api.RoomReserved");
    }

    @Test
    void cancelledNightsCanBeBookedAgain() {
        HotelClient.Response first = hotel.book(room, night, night.plusDays(2));
        assertThat(hotel.book(room, night.plusDays(1), night.plusDays(3)).status()).isEqualTo(409);

        assertThat(hotel.cancel(first).status()).isEqualTo(204);
        assertThat(hotel.cancel(first).status()).isEqualTo(409);
        assertThat(hotel.book(room, night.plusDays(1), night.plusDays(3)).status()).isEqualTo(201);
    }

    @Test
    void aRetriedBookingBooksOnceAndAnswersTheSame() {
        java.util.UUID id = java.util.UUID.randomUUID();

        HotelClient.Response first = hotel.book(id, room, night, night.plusDays(2));
        HotelClient.Response retry = hotel.book(id, room, night, night.plusDays(2));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(eventsOf(room)).hasSize(2);
        assertThat(hotel.book(id, room, night.plusDays(5), night.plusDays(6)).status()).isEqualTo(409);
    }

    @Test
    void anIdempotencyKeyMakesARetriedPostBookOnceAndAnswerTheSame() {
        String key = java.util.UUID.randomUUID().toString();
        String booking = """
                {"roomNumber":"%s","checkIn":"%s","checkOut":"%s","guestName":"Ada Lovelace",
                 "guestEmail":"ada@example.com"}""".formatted(room, night, night.plusDays(2));

        HotelClient.Response first = hotel.post("/api/reservations", booking, "Idempotency-Key", key);
        HotelClient.Response retry = hotel.post("/api/reservations", booking, "Idempotency-Key", key);
        HotelClient.Response otherStay = hotel.post("/api/reservations",
                booking.replace(night.plusDays(2).toString(), night.plusDays(3).toString()), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(otherStay.status()).isEqualTo(422);
        assertThat(otherStay.contentType()).isEqualTo("application/problem+json");
        assertThat(eventsOf(room)).hasSize(2);
    }

    @Test
    void aGuestCannotCancelSomeoneElsesBooking() {
        HotelClient.Response ada = hotel.book(room, night, night.plusDays(1));
        HotelClient.Response bob = hotel.book(room, night.plusDays(1), night.plusDays(2));

        HotelClient.Response attempt = hotel.delete("/api/reservations/" + ada.text("reservationId"),
                "X-Reservation-Token", bob.text("cancellationToken"));

        assertThat(attempt.status()).isEqualTo(403);
        assertThat(hotel.delete("/api/reservations/" + ada.text("reservationId")).status()).isEqualTo(403);
        assertThat(eventsOf(room)).extracting(e -> e.get("payload_type"))
                                  .doesNotContain("hotel.booking.api.RoomReleased");
        assertThat(hotel.book(room, night, night.plusDays(1)).status()).isEqualTo(409);
    }

    @Test
    void staffCancelAnyBookingAndTheEventSaysSo() throws Exception {
        HotelClient.Response booking = hotel.book(room, night, night.plusDays(2));
        String path = "/api/reservations/" + booking.text("reservationId");
        HotelClient staff = hotel.as("staff", STAFF_PASSWORD);

        assertThat(staff.delete(path).status()).isEqualTo(204);

        JsonNode released = JSON.readTree((String) eventsOf(room).get(2).get("payload"));
        assertThat(released.get("reason").asText()).isEqualTo("CANCELLED_BY_STAFF");
        assertThat(hotel.cancel(booking).status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(staff.get(path).text("status")).isEqualTo("CANCELLED"));
    }

    @Test
    void theGuestReadsTheirReservationWithTheirToken() {
        HotelClient.Response booking = hotel.book(room, night, night.plusDays(2));
        String path = "/api/reservations/" + booking.text("reservationId");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HotelClient.Response read = hotel.get(path, "X-Reservation-Token", booking.text("cancellationToken"));
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.text("status")).isEqualTo("CONFIRMED");
            assertThat(read.text("guestName")).isEqualTo("Ada Lovelace");
        });
        assertThat(hotel.get(path).status()).isEqualTo(403);
        assertThat(hotel.get("/api/reservations/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aRoomWithManyBookingsLoadsFromItsSnapshotAndStillDecidesRight() {
        List<HotelClient.Response> bookings = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bookings.add(hotel.book(room, night.plusDays(2L * i), night.plusDays(2L * i + 1)));
        }
        assertThat(bookings).allSatisfy(b -> assertThat(b.status()).isEqualTo(201));

        Long snapshotAt = jdbc.sql("SELECT max(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                              .param(room).query(Long.class).single();
        assertThat(snapshotAt).isNotNull().isGreaterThanOrEqualTo(5L);
        assertThat(hotel.book(room, night.plusDays(4), night.plusDays(5)).status()).isEqualTo(409);
        assertThat(hotel.book(room, night.plusDays(1), night.plusDays(2)).status()).isEqualTo(201);
        assertThat(hotel.cancel(bookings.get(0)).status()).isEqualTo(204);
    }

    @Test
    void roomsAreListed() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(hotel.get("/api/rooms").body().findValuesAsText("roomNumber")).contains(room));
    }
}
