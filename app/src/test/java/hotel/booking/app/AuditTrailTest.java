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
import org.springframework.test.annotation.DirtiesContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who did what and when, from the HTTP request to the event store and back out through the audit API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"hotel.sample-rooms=false",
        "hotel.security.staff-password=audit-trail-staff", "hotel.security.auditor-password=audit-trail-auditor"})
@FreshPostgres
@DirtiesContext
class AuditTrailTest {

    private static final AtomicInteger ROOMS = new AtomicInteger(700);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private HotelClient hotel;
    private HotelClient auditor;
    private String room;
    private final LocalDate night = LocalDate.now().plusDays(20);

    @BeforeEach
    void aFreshRoom() {
        hotel = new HotelClient(port);
        auditor = hotel.as("auditor", "audit-trail-auditor");
        room = Integer.toString(ROOMS.incrementAndGet());
        assertThat(hotel.as("staff", "audit-trail-staff").registerRoom(room, "DOUBLE", 2, "120.00").status())
                .isEqualTo(201);
    }

    private JsonNode storedMetadataOf(String reservationId) throws IOException {
        String metadata = jdbc.sql("""
                                   SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                                   WHERE payload_type = 'hotel.booking.api.RoomReserved'
                                     AND convert_from(payload, 'UTF8')::jsonb ->> 'reservationId' = ?
                                   """)
                              .param(reservationId).query(String.class).single();
        return JSON.readTree(metadata);
    }

    @Test
    void theClientsRequestIdIsEchoedAndStoredWithTheEventItCaused() throws Exception {
        HotelClient.Response booking = hotel.book(null, room, night, night.plusDays(2), "X-Request-ID", "abc-123");

        assertThat(booking.status()).isEqualTo(201);
        assertThat(booking.header("X-Request-ID")).isEqualTo("abc-123");
        JsonNode metadata = storedMetadataOf(booking.text("reservationId"));
        assertThat(metadata.path("requestId").asText()).isEqualTo("abc-123");
        assertThat(metadata.path("principal").asText()).isEqualTo("anonymous");
        assertThat(metadata.has("correlationId")).as("Axon's own correlation is kept").isTrue();
    }

    @Test
    void withoutARequestIdOneIsMadeEchoedAndStored() throws Exception {
        HotelClient.Response booking = hotel.book(room, night, night.plusDays(2));

        String generated = booking.header("X-Request-ID");
        assertThat(UUID.fromString(generated)).isNotNull();
        assertThat(storedMetadataOf(booking.text("reservationId")).path("requestId").asText()).isEqualTo(generated);
    }

    @Test
    void everyAnswerCarriesItsRequestIdAndAnUnsafeOneIsReplaced() {
        assertThat(hotel.get("/api/rooms", "X-Request-ID", "list-1").header("X-Request-ID")).isEqualTo("list-1");
        String replaced = hotel.get("/api/rooms", "X-Request-ID", "bad id;").header("X-Request-ID");
        assertThat(UUID.fromString(replaced)).isNotNull();
    }

    @Test
    void pagingThroughTheHistoryGivesEveryEventOnceInTheStoresOrder() {
        for (int i = 0; i < 3; i++) {
            assertThat(hotel.book(room, night.plusDays(i), night.plusDays(i + 1L)).status()).isEqualTo(201);
        }
        List<Long> stored = jdbc.sql("SELECT global_index FROM domain_event_entry ORDER BY global_index")
                                .query(Long.class).list();

        List<Long> read = new ArrayList<>();
        long after = 0;
        for (HotelClient.Response page = auditor.get("/api/audit/events?limit=2");
             !page.body().path("events").isEmpty();
             page = auditor.get("/api/audit/events?limit=2&after=" + after)) {
            page.body().path("events").forEach(event -> read.add(event.path("position").asLong()));
            after = page.body().path("nextAfter").asLong();
        }

        assertThat(read).isEqualTo(stored);
    }

    @Test
    void anEventInTheHistoryHasItsPayloadAndMetadataAsJson() {
        HotelClient.Response booking = hotel.book(null, room, night, night.plusDays(2), "X-Request-ID", "trail-1");

        JsonNode events = auditor.get("/api/audit/rooms/" + room + "/history").body().path("events");

        assertThat(events).hasSize(2);
        JsonNode reserved = events.get(1);
        assertThat(reserved.path("type").asText()).isEqualTo("RoomReserved");
        assertThat(reserved.path("aggregate").asText()).isEqualTo(room);
        assertThat(reserved.path("sequence").asLong()).isEqualTo(1);
        assertThat(reserved.path("position").asLong()).isGreaterThan(events.get(0).path("position").asLong());
        assertThat(reserved.path("timestamp").asText()).endsWith("Z");
        assertThat(reserved.path("payload").path("reservationId").asText()).isEqualTo(booking.text("reservationId"));
        assertThat(reserved.path("payload").path("totalPrice").decimalValue()).isEqualByComparingTo("240.00");
        assertThat(reserved.path("metadata").path("requestId").asText()).isEqualTo("trail-1");
    }

    @Test
    void theWholeHistoryStreamsAsNdjson() {
        hotel.book(room, night, night.plusDays(1));
        long stored = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();

        HttpResponse<String> history = auditor.getText("/api/audit/events", "Accept", "application/x-ndjson");

        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        List<JsonNode> lines = history.body().lines().map(AuditTrailTest::json).toList();
        assertThat(lines).hasSize((int) stored);
        assertThat(lines).allSatisfy(line -> assertThat(line.path("payload").isObject()).isTrue());
        assertThat(lines).extracting(line -> line.path("position").asLong()).isSorted();
    }

    @Test
    void aReservationsHistoryTellsItsBookingAndCancellation() {
        HotelClient.Response booking = hotel.book(room, night, night.plusDays(2));
        assertThat(hotel.cancel(booking).status()).isEqualTo(204);
        String path = "/api/audit/reservations/" + booking.text("reservationId") + "/history";

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HotelClient.Response history = auditor.get(path);
            assertThat(history.status()).isEqualTo(200);
            assertThat(history.body().path("events").findValuesAsText("type"))
                    .containsExactly("RoomReserved", "RoomReleased");
        });
        assertThat(auditor.get(path).body().path("events").get(1).path("payload").path("reason").asText())
                .isEqualTo("CANCELLED_BY_GUEST");
    }

    @Test
    void whatIsUnknownIs404AndABadPageIs400() {
        assertThat(auditor.get("/api/audit/rooms/nope/history").status()).isEqualTo(404);
        assertThat(auditor.get("/api/audit/reservations/" + UUID.randomUUID() + "/history").status()).isEqualTo(404);
        HotelClient.Response tooMany = auditor.get("/api/audit/events?limit=1001");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.contentType()).isEqualTo("application/problem+json");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
