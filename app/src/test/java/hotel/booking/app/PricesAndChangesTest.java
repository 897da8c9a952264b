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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rates, quotes, date changes and moves through the HTTP API on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hotel.sample-rooms=false", "hotel.security.staff-password=" + PricesAndChangesTest.STAFF_PASSWORD,
                "hotel.rate-limit.bookings.capacity=100000"})
@FreshPostgres
class PricesAndChangesTest {

    static final String STAFF_PASSWORD = "front-desk-secret";
    private static final AtomicInteger ROOMS = new AtomicInteger(700);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private HotelClient hotel;
    private HotelClient staff;
    /** A Friday a month ahead: the stays below span a weekend. */
    private final LocalDate friday = LocalDate.now().plusDays(30).with(TemporalAdjusters.next(DayOfWeek.FRIDAY));

    @BeforeEach
    void signIn() {
        hotel = new HotelClient(port);
        staff = hotel.as("staff", STAFF_PASSWORD);
    }

    private String aRoom(String rate) {
        String room = Integer.toString(ROOMS.incrementAndGet());
        assertThat(staff.registerRoom(room, "DOUBLE", 2, rate).status()).isEqualTo(201);
        return room;
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("staff:" + STAFF_PASSWORD).getBytes());
    }

    private HttpResponse<String> setRate(String room, LocalDate from, LocalDate to, String rate, String days,
                                         String... headers) throws Exception {
        return send("PUT", "/api/rooms/" + room + "/rates", """
                {"from":"%s","to":"%s","nightlyRate":%s%s}""".formatted(from, to, rate,
                days == null ? "" : ",\"daysOfWeek\":" + days), headers);
    }

    private HotelClient.Response quote(String room, LocalDate checkIn, LocalDate checkOut) {
        return hotel.get("/api/quote?room=" + room + "&checkIn=" + checkIn + "&checkOut=" + checkOut);
    }

    /** The nights of a room the availability read model shows as taken, within the range. */
    private List<LocalDate> takenNights(String room, LocalDate from, LocalDate to) {
        JsonNode rooms = hotel.get("/api/availability?from=" + from + "&to=" + to).body().get("rooms");
        List<LocalDate> taken = new ArrayList<>();
        for (JsonNode r : rooms) {
            if (r.get("roomNumber").asText().equals(room)) {
                r.get("nights").forEach(n -> {
                    if (!n.get("available").asBoolean()) {
                        taken.add(LocalDate.parse(n.get("date").asText()));
                    }
                });
            }
        }
        return taken;
    }

    private List<LocalDate> nights(LocalDate from, LocalDate to) {
        return from.datesUntil(to).toList();
    }

    private List<Map<String, Object>> eventsOf(String aggregate) {
        return jdbc.sql("""
                        SELECT payload_type, convert_from(payload, 'UTF8') AS payload
                        FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number
                        """)
                   .param(aggregate).query().listOfRows();
    }

    private HotelClient.Response reservation(HotelClient.Response booking) {
        return hotel.get("/api/reservations/" + booking.text("reservationId"), "X-Reservation-Token",
                booking.text("cancellationToken"));
    }

    @Test
    void onlyStaffSetRatesAndBadRatesAre400() throws Exception {
        String room = aRoom("100.00");

        assertThat(setRate(room, friday, friday.plusDays(2), "150.00", null).statusCode()).isEqualTo(401);
        assertThat(setRate(room, friday, friday, "150.00", null, "Authorization", basic()).statusCode())
                .isEqualTo(400);
        assertThat(setRate(room, friday, friday.plusDays(2), "-1", null, "Authorization", basic()).statusCode())
                .isEqualTo(400);
        assertThat(setRate("9999", friday, friday.plusDays(2), "150.00", null, "Authorization", basic())
                .statusCode()).isEqualTo(404);
        assertThat(setRate(room, friday, friday.plusDays(2), "150.00", "[\"SATURDAY\"]", "Authorization", basic())
                .statusCode()).isEqualTo(200);
        assertThat(quote("9999", friday, friday.plusDays(1)).status()).isEqualTo(404);
        assertThat(quote(room, friday, friday).status()).isEqualTo(400);
    }

    @Test
    void aBookingRecordsThePriceTheQuoteGave() throws Exception {
        String room = aRoom("100.00");
        assertThat(setRate(room, friday.minusDays(7), friday.plusDays(60), "150.00", "[\"SATURDAY\",\"SUNDAY\"]",
                "Authorization", basic()).statusCode()).isEqualTo(200);
        assertThat(setRate(room, friday, friday.plusDays(1), "175.50", null, "Authorization", basic()).statusCode())
                .isEqualTo(200);
        LocalDate checkOut = friday.plusDays(4);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HotelClient.Response quoted = quote(room, friday, checkOut);
            assertThat(quoted.status()).isEqualTo(200); // 404 until the rooms projection has the room
            assertThat(quoted.body().get("totalPrice").decimalValue()).isEqualByComparingTo("575.50");
        });
        HotelClient.Response quote = quote(room, friday, checkOut);
        assertThat(quote.body().get("nightlyPrices")).hasSize(4);
        assertThat(quote.text("currency")).isEqualTo("EUR");

        HotelClient.Response booking = hotel.book(room, friday, checkOut);

        assertThat(booking.status()).isEqualTo(201);
        assertThat(booking.body().get("totalPrice").decimalValue()).isEqualByComparingTo("575.50");
        JsonNode recorded = JSON.readTree((String) eventsOf(room).get(3).get("payload"));
        assertThat(recorded.get("totalPrice").decimalValue()).isEqualByComparingTo("575.50");
        assertThat(recorded.get("currency").asText()).isEqualTo("EUR");
        for (int i = 0; i < 4; i++) {
            assertThat(recorded.get("nightlyPrices").get(i).get("night").asText())
                    .isEqualTo(quote.body().get("nightlyPrices").get(i).get("night").asText());
            assertThat(recorded.get("nightlyPrices").get(i).get("price").decimalValue())
                    .isEqualByComparingTo(quote.body().get("nightlyPrices").get(i).get("price").decimalValue());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HotelClient.Response view = reservation(booking);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.body().get("totalPrice").decimalValue()).isEqualByComparingTo("575.50");
            assertThat(view.text("currency")).isEqualTo("EUR");
        });
    }

    @Test
    void newDatesAreOneChangeThatLeavesExactlyOneActiveStay() throws Exception {
        String room = aRoom("100.00");
        HotelClient.Response ada = hotel.book(room, friday, friday.plusDays(3));
        HotelClient.Response bob = hotel.book(room, friday.plusDays(5), friday.plusDays(6));
        String path = "/api/reservations/" + ada.text("reservationId");
        String token = ada.text("cancellationToken");

        HttpResponse<String> intoBob = send("PATCH", path, """
                {"checkIn":"%s","checkOut":"%s"}""".formatted(friday.plusDays(2), friday.plusDays(6)),
                "X-Reservation-Token", token);
        assertThat(intoBob.statusCode()).isEqualTo(409);
        assertThat(intoBob.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(send("PATCH", path, """
                {"checkIn":"%s","checkOut":"%s"}""".formatted(friday.plusDays(2), friday.plusDays(4)),
                "X-Reservation-Token", bob.text("cancellationToken")).statusCode()).isEqualTo(403);

        HttpResponse<String> changed = send("PATCH", path, """
                {"checkIn":"%s","checkOut":"%s"}""".formatted(friday.plusDays(2), friday.plusDays(5)),
                "X-Reservation-Token", token);

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).get("totalPrice").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(eventsOf(room)).extracting(e -> e.get("payload_type"))
                                  .containsExactly("hotel.booking.api.RoomRegistered", "hotel.booking.api.RoomReserved",
                                          "hotel.booking.api.RoomReserved", "hotel.booking.api.StayChanged");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(takenNights(room, friday, friday.plusDays(7)))
                    .containsExactlyElementsOf(nights(friday.plusDays(2), friday.plusDays(6)));
            HotelClient.Response view = reservation(ada);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.text("checkIn")).isEqualTo(friday.plusDays(2).toString());
            assertThat(view.text("checkOut")).isEqualTo(friday.plusDays(5).toString());
            assertThat(view.text("status")).isEqualTo("CONFIRMED");
        });
        assertThat(hotel.book(room, friday, friday.plusDays(2)).status()).as("the old nights are free").isEqualTo(201);
        assertThat(hotel.cancel(ada).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(takenNights(room, friday.plusDays(2), friday.plusDays(5))).isEmpty());
    }

    @Test
    void aMoveLeavesExactlyOneActiveStayInTheNewRoomAndTheCancelFindsIt() throws Exception {
        String from = aRoom("100.00");
        String to = aRoom("200.00");
        HotelClient.Response ada = hotel.book(from, friday, friday.plusDays(2));
        String path = "/api/reservations/" + ada.text("reservationId");

        HttpResponse<String> moved = send("POST", path + "/move", "{\"roomNumber\":\"" + to + "\"}",
                "X-Reservation-Token", ada.text("cancellationToken"));

        assertThat(moved.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(moved.body());
        assertThat(answer.get("roomNumber").asText()).isEqualTo(to);
        assertThat(answer.get("reservationId").asText()).isEqualTo(ada.text("reservationId"));
        assertThat(answer.get("totalPrice").decimalValue()).isEqualByComparingTo("400.00");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(takenNights(from, friday, friday.plusDays(2))).isEmpty();
            assertThat(takenNights(to, friday, friday.plusDays(2))).containsExactlyElementsOf(
                    nights(friday, friday.plusDays(2)));
            HotelClient.Response view = reservation(ada);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.text("roomNumber")).isEqualTo(to);
            assertThat(view.text("status")).isEqualTo("CONFIRMED");
            assertThat(view.body().get("totalPrice").decimalValue()).isEqualByComparingTo("400.00");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM availability_stay WHERE reservation_id = ?::uuid")
                       .param(ada.text("reservationId")).query(Integer.class).single()).isEqualTo(1);
        assertThat(hotel.book(from, friday, friday.plusDays(2)).status()).as("the old room is free").isEqualTo(201);

        assertThat(hotel.cancel(ada).status()).isEqualTo(204);
        assertThat(eventsOf(to).get(eventsOf(to).size() - 1).get("payload_type"))
                .isEqualTo("hotel.booking.api.RoomReleased");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(takenNights(to, friday, friday.plusDays(2))).isEmpty();
            assertThat(reservation(ada).text("status")).isEqualTo("CANCELLED");
        });
    }

    @Test
    void aMoveToATakenRoomIsRefusedAndTheReservationStaysAsItWas() throws Exception {
        String from = aRoom("100.00");
        String to = aRoom("200.00");
        HotelClient.Response ada = hotel.book(from, friday, friday.plusDays(2));
        hotel.book(to, friday.plusDays(1), friday.plusDays(3));
        String path = "/api/reservations/" + ada.text("reservationId");

        HttpResponse<String> refused = send("POST", path + "/move", "{\"roomNumber\":\"" + to + "\"}",
                "Authorization", basic());
        HttpResponse<String> nowhere = send("POST", path + "/move", "{\"roomNumber\":\"9999\"}",
                "Authorization", basic());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("NIGHTS_TAKEN");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(send("POST", path + "/move", "{\"roomNumber\":\"" + to + "\"}").statusCode()).isEqualTo(403);
        assertThat(eventsOf(from)).extracting(e -> e.get("payload_type"))
                                  .doesNotContain("hotel.booking.api.RoomReleased");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(takenNights(from, friday, friday.plusDays(2))).containsExactlyElementsOf(
                    nights(friday, friday.plusDays(2)));
            assertThat(reservation(ada).text("roomNumber")).isEqualTo(from);
        });
        assertThat(hotel.cancel(ada).status()).isEqualTo(204);
        assertThat(eventsOf(from).get(eventsOf(from).size() - 1).get("payload_type"))
                .isEqualTo("hotel.booking.api.RoomReleased");
    }
}
