package hotel.booking.app;

import com.fasterxml.jackson.databind.JsonNode;
import hotel.booking.testsupport.FreshPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Holds that expire by a deadline in PostgreSQL, and nights out of service, through the HTTP API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hotel.sample-rooms=true", "hotel.holds.duration=2s", "hotel.holds.polling-interval=200ms",
                "hotel.security.staff-password=holds-staff", "hotel.rate-limit.bookings.enabled=false"})
@FreshPostgres
class HoldsAndBlocksTest {

    private static final Duration HOLD = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    private final LocalDate from = LocalDate.now().plusDays(40);
    private final LocalDate to = from.plusDays(10);

    @BeforeEach
    void sampleRoomsAreInTheReadModel() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(hotel().get("/api/availability?" + range()).body().get("rooms")).hasSize(10));
    }

    private HotelClient hotel() {
        return new HotelClient(port);
    }

    private HotelClient staff() {
        return hotel().as("staff", "holds-staff");
    }

    private String range() {
        return "from=" + from + "&to=" + to;
    }

    private HotelClient.Response hold(String room, LocalDate checkIn, LocalDate checkOut) {
        return hotel().post("/api/holds", """
                {"roomNumber":"%s","checkIn":"%s","checkOut":"%s","guestName":"Ada Lovelace",
                 "guestEmail":"ada@example.com"}""".formatted(room, checkIn, checkOut));
    }

    private HotelClient.Response confirm(HotelClient.Response hold) {
        return hotel().post("/api/holds/" + hold.text("reservationId") + "/confirm", "",
                "X-Reservation-Token", hold.text("cancellationToken"));
    }

    private JsonNode night(String room, LocalDate date) {
        for (JsonNode r : hotel().get("/api/availability?" + range()).body().get("rooms")) {
            if (r.get("roomNumber").asText().equals(room)) {
                for (JsonNode night : r.get("nights")) {
                    if (night.get("date").asText().equals(date.toString())) {
                        return night;
                    }
                }
            }
        }
        throw new AssertionError("No night " + date + " of room " + room);
    }

    private boolean free(String room, LocalDate date) {
        return night(room, date).get("available").asBoolean();
    }

    private SseClient subscribe() {
        SseClient stream = SseClient.connect("http://localhost:" + port + "/api/availability/stream?" + range());
        stream.next("snapshot", Duration.ofSeconds(10));
        return stream;
    }

    @Test
    void aHoldLeftAloneIsGivenBackOnTimeAndPushedOnTheStream() {
        try (SseClient stream = subscribe()) {
            HotelClient.Response hold = hold("101", from, from.plusDays(2));
            long heldAt = System.nanoTime();
            assertThat(hold.status()).isEqualTo(201);
            assertThat(hold.text("status")).isEqualTo("HELD");
            assertThat(hold.text("expiresAt")).isNotBlank();

            SseClient.Event taken = stream.next("availability", Duration.ofSeconds(5));
            assertThat(taken.data().get("roomNumber").asText()).isEqualTo("101");
            assertThat(taken.data().get("available").asBoolean()).isFalse();
            assertThat(free("101", from)).isFalse();
            assertThat(hotel().book("101", from, from.plusDays(1)).status()).isEqualTo(409);

            SseClient.Event given = stream.next("availability", HOLD.plusSeconds(5));
            Duration after = Duration.ofNanos(given.receivedAtNanos() - heldAt);
            assertThat(given.data().get("available").asBoolean()).isTrue();
            assertThat(given.data().get("from").asText()).isEqualTo(from.toString());
            System.out.println("A " + HOLD.toMillis() + " ms hold was given back on the stream after "
                    + after.toMillis() + " ms");
            assertThat(after).isBetween(HOLD.minusMillis(100), HOLD.plusSeconds(3));
            assertThat(free("101", from)).isTrue();

            HotelClient.Response late = confirm(hold);
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.contentType()).startsWith("application/problem+json");
            assertThat(late.body().get("detail").asText()).contains("ended");

            // the reservations projection is another processor than the stream's: it may come a moment later
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    hotel().get("/api/reservations/" + hold.text("reservationId"),
                            "X-Reservation-Token", hold.text("cancellationToken")).text("releaseReason"))
                    .isEqualTo("HOLD_EXPIRED"));
        }
    }

    @Test
    void aHoldConfirmedInTimeStaysBooked() throws InterruptedException {
        HotelClient.Response hold = hold("102", from, from.plusDays(3));
        assertThat(hold.status()).isEqualTo(201);
        HotelClient.Response confirmed = confirm(hold);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");

        Thread.sleep(HOLD.plusSeconds(2).toMillis());
        assertThat(free("102", from)).isFalse();
        HotelClient.Response view = hotel().get("/api/reservations/" + hold.text("reservationId"),
                "X-Reservation-Token", hold.text("cancellationToken"));
        assertThat(view.text("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void onlyTheHoldsGuestOrStaffConfirmIt() {
        HotelClient.Response hold = hold("103", from, from.plusDays(1));
        assertThat(staff().post("/api/holds/" + hold.text("reservationId") + "/confirm", "").status())
                .isEqualTo(200);
        assertThat(hotel().post("/api/holds/" + hold.text("reservationId") + "/confirm", "").status())
                .isEqualTo(403);
        assertThat(hotel().post("/api/holds/" + java.util.UUID.randomUUID() + "/confirm", "").status())
                .isEqualTo(404);
    }

    @Test
    void blockedNightsAreOutOfServiceUntilLifted() {
        try (SseClient stream = subscribe()) {
            HotelClient.Response block = staff().post("/api/rooms/104/blocks", """
                    {"from":"%s","to":"%s","reason":"new carpet"}""".formatted(from.plusDays(1), from.plusDays(3)));
            assertThat(block.status()).isEqualTo(201);

            SseClient.Event out = stream.next("availability", Duration.ofSeconds(5));
            assertThat(out.data().get("available").asBoolean()).isFalse();
            assertThat(out.data().get("status").asText()).isEqualTo("out-of-service");
            assertThat(night("104", from.plusDays(1)).get("status").asText()).isEqualTo("out-of-service");
            assertThat(night("104", from).has("status")).isFalse();
            assertThat(hotel().book("104", from, from.plusDays(2)).status()).isEqualTo(409);
            assertThat(hold("104", from.plusDays(2), from.plusDays(4)).status()).isEqualTo(409);

            assertThat(staff().delete("/api/rooms/104/blocks/" + block.text("blockId")).status()).isEqualTo(204);
            SseClient.Event back = stream.next("availability", Duration.ofSeconds(5));
            assertThat(back.data().get("available").asBoolean()).isTrue();
            assertThat(free("104", from.plusDays(1))).isTrue();
            assertThat(staff().delete("/api/rooms/104/blocks/" + block.text("blockId")).status()).isEqualTo(404);
        }
    }

    @Test
    void aBlockOverBookedNightsIsRefusedWithTheReservationsInTheWay() {
        HotelClient.Response first = hotel().book("105", from, from.plusDays(2));
        HotelClient.Response second = hotel().book("105", from.plusDays(4), from.plusDays(6));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);

        HotelClient.Response refused = staff().post("/api/rooms/105/blocks", """
                {"from":"%s","to":"%s","reason":"leak"}""".formatted(from.plusDays(1), from.plusDays(5)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<String> ids = new ArrayList<>();
        List<String> nights = new ArrayList<>();
        for (JsonNode conflict : refused.body().get("conflicts")) {
            ids.add(conflict.get("reservationId").asText());
            conflict.get("nights").forEach(n -> nights.add(n.asText()));
        }
        assertThat(ids).containsExactlyInAnyOrder(first.text("reservationId"), second.text("reservationId"));
        assertThat(nights).containsExactlyInAnyOrder(from.plusDays(1).toString(), from.plusDays(4).toString());
        assertThat(free("105", from.plusDays(2))).isTrue();
        assertThat(night("105", from.plusDays(2)).has("status")).isFalse();
    }

    @Test
    void onlyStaffBlockNightsAndABadRequestIsA400() {
        String body = """
                {"from":"%s","to":"%s","reason":"paint"}""".formatted(from.plusDays(8), from.plusDays(9));
        assertThat(hotel().post("/api/rooms/106/blocks", body).status()).isEqualTo(401);
        HotelClient.Response backwards = staff().post("/api/rooms/106/blocks", """
                {"from":"%s","to":"%s","reason":"paint"}""".formatted(from.plusDays(9), from.plusDays(8)));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.contentType()).startsWith("application/problem+json");
        assertThat(staff().post("/api/rooms/999/blocks", body).status()).isEqualTo(404);
    }
}
