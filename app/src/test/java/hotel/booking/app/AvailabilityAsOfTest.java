package hotel.booking.app;

import com.fasterxml.jackson.databind.JsonNode;
import hotel.booking.testsupport.FreshPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The past as it was, through the whole app on PostgreSQL: events written by Axon with its own
 * time stamps, read back from the audit history and asked about through the audit API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"hotel.sample-rooms=false",
        "hotel.security.staff-password=as-of-staff", "hotel.security.auditor-password=as-of-auditor"})
@FreshPostgres
@DirtiesContext
class AvailabilityAsOfTest {

    private static final AtomicInteger ROOMS = new AtomicInteger(800);

    @LocalServerPort
    int port;

    private HotelClient hotel;
    private HotelClient staff;
    private HotelClient auditor;
    private final LocalDate night = LocalDate.now(ZoneOffset.UTC).plusDays(20);

    @BeforeEach
    void clients() {
        hotel = new HotelClient(port);
        staff = hotel.as("staff", "as-of-staff");
        auditor = hotel.as("auditor", "as-of-auditor");
    }

    private String aRoom() {
        String room = Integer.toString(ROOMS.incrementAndGet());
        assertThat(staff.registerRoom(room, "DOUBLE", 2, "120.00").status()).isEqualTo(201);
        return room;
    }

    /** The time stamps of a room's events, as the audit history gives them. */
    private List<Instant> stampsOf(String room) {
        List<Instant> stamps = new ArrayList<>();
        auditor.get("/api/audit/rooms/" + room + "/history").body().path("events")
               .forEach(event -> stamps.add(Instant.parse(event.path("timestamp").asText())));
        return stamps;
    }

    /** Each step its own millisecond, the precision of the store's time stamps. */
    private static void nextMillisecond() throws InterruptedException {
        Thread.sleep(3);
    }

    private HotelClient.Response asOf(HotelClient who, Object instant) {
        return who.get("/api/audit/availability?from=" + night + "&to=" + night.plusDays(3) + "&asOf="
                + URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8));
    }

    private List<Boolean> nightsOf(String room, Object instant) {
        HotelClient.Response answer = asOf(auditor, instant);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        for (JsonNode candidate : answer.body().path("rooms")) {
            if (candidate.path("roomNumber").asText().equals(room)) {
                List<Boolean> nights = new ArrayList<>();
                candidate.path("nights").forEach(n -> nights.add(n.path("available").asBoolean()));
                return nights;
            }
        }
        return null;
    }

    @Test
    void aRoomBookedAndCancelledIsFreeBeforeTheBookingTakenUntilTheCancelAndFreeAgainAfter() throws Exception {
        String room = aRoom();
        nextMillisecond();
        HotelClient.Response booking = hotel.book(room, night, night.plusDays(2));
        assertThat(booking.status()).isEqualTo(201);
        nextMillisecond();
        assertThat(hotel.cancel(booking).status()).isEqualTo(204);
        List<Instant> stamps = stampsOf(room);
        assertThat(stamps).hasSize(3);
        Instant booked = stamps.get(1);
        Instant cancelled = stamps.get(2);

        assertThat(nightsOf(room, booked.minusMillis(1))).containsExactly(true, true, true);
        assertThat(nightsOf(room, booked)).containsExactly(false, false, true);
        assertThat(nightsOf(room, booked.plusNanos(500_000).atOffset(ZoneOffset.ofHours(2))))
                .as("another offset, a finer precision").containsExactly(false, false, true);
        assertThat(nightsOf(room, cancelled.minusMillis(1))).containsExactly(false, false, true);
        assertThat(nightsOf(room, cancelled)).containsExactly(true, true, true);
        assertThat(asOf(auditor, booked).body().path("asOf").asText()).isEqualTo(booked.toString());
    }

    @Test
    void aRoomRegisteredAfterTheInstantIsAbsent() throws Exception {
        String earlier = aRoom();
        nextMillisecond();
        String later = aRoom();
        Instant registered = stampsOf(later).get(0);

        assertThat(nightsOf(earlier, registered.minusMillis(1))).containsExactly(true, true, true);
        assertThat(nightsOf(later, registered.minusMillis(1))).isNull();
        assertThat(nightsOf(later, registered)).containsExactly(true, true, true);
    }

    @Test
    void badInputIsA400Problem() {
        Instant yesterday = Instant.now().minusSeconds(86_400);
        List<String> bad = List.of(
                "/api/audit/availability?from=" + night + "&to=" + night.plusDays(3),
                "/api/audit/availability?asOf=yesterday&from=" + night + "&to=" + night.plusDays(3),
                "/api/audit/availability?asOf=" + yesterday + "&from=" + night + "&to=" + night,
                "/api/audit/availability?asOf=" + yesterday + "&from=" + night + "&to=" + night.plusDays(400),
                "/api/audit/availability?asOf=" + Instant.now().plusSeconds(60) + "&from=" + night + "&to="
                        + night.plusDays(3));
        for (String path : bad) {
            HotelClient.Response answer = auditor.get(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.contentType()).as(path).isEqualTo("application/problem+json");
            assertThat(answer.body().path("detail").asText()).as(path).isNotBlank();
        }
    }

    @Test
    void onlyTheAuditorMayAsk() {
        Instant now = Instant.now();

        assertThat(asOf(hotel, now).status()).isEqualTo(401);
        assertThat(asOf(staff, now).status()).isEqualTo(403);
        assertThat(asOf(staff, now).contentType()).isEqualTo("application/problem+json");
        assertThat(asOf(auditor, now).status()).isEqualTo(200);
    }
}
