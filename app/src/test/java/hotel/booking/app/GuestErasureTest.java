package hotel.booking.app;

import com.fasterxml.jackson.databind.JsonNode;
import hotel.booking.api.RoomReserved;
import hotel.booking.testsupport.FreshPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasing a guest, end to end on PostgreSQL: after it the guest's name and e-mail are nowhere (events,
 * snapshots, read models, the audit history and its export, rebuilt projections, the live stream
 * never had them), while every booking, count and report is what it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hotel.sample-rooms=false", "hotel.time-zone=UTC", "hotel.room.snapshot-threshold=3",
                "hotel.security.staff-password=erase-staff", "hotel.security.auditor-password=erase-auditor",
                "hotel.security.analyst-password=erase-analyst", "hotel.rate-limit.bookings.enabled=false"})
@FreshPostgres
@DirtiesContext
class GuestErasureTest {

    private static final String NAME = "Grace Brewster Hopper";
    private static final String EMAIL = "grace.hopper@navy.example";
    private static final String EMAIL_AS_TYPED_LATER = "Grace.Hopper@Navy.example";
    private static final List<String> PROJECTIONS = List.of("rooms", "reservations", "availability", "reports");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore events;

    private final LocalDate night = LocalDate.now(ZoneOffset.UTC).plusDays(40);

    private HotelClient anyone() {
        return new HotelClient(port);
    }

    private HotelClient staff() {
        return anyone().as("staff", "erase-staff");
    }

    private HotelClient.Response book(UUID id, String room, int from, int to, String name, String email) {
        return anyone().post("/api/reservations", """
                {"reservationId":"%s","roomNumber":"%s","checkIn":"%s","checkOut":"%s","guestName":"%s","guestEmail":"%s"}"""
                .formatted(id, room, night.plusDays(from), night.plusDays(to), name, email));
    }

    @Test
    void anErasedGuestIsNowhereAndEveryBookingCountAndReportStaysAsItWas() throws Exception {
        assertThat(staff().registerRoom("901", "DOUBLE", 2, "120.00").status()).isEqualTo(201);
        assertThat(staff().registerRoom("902", "SUITE", 3, "250.00").status()).isEqualTo(201);
        UUID graceFirst = UUID.randomUUID();
        List<String> streamed = new ArrayList<>();
        try (SseClient stream = SseClient.connect("http://localhost:" + port + "/api/availability/stream?from="
                + night + "&to=" + night.plusDays(10))) {
            stream.next("snapshot", Duration.ofSeconds(10));
            assertThat(book(graceFirst, "901", 0, 2, NAME, EMAIL).status()).isEqualTo(201);
            HotelClient.Response graceSecond = book(UUID.randomUUID(), "902", 3, 5, NAME, EMAIL_AS_TYPED_LATER);
            assertThat(graceSecond.status()).isEqualTo(201);
            assertThat(anyone().cancel(graceSecond).status()).isEqualTo(204);
            for (int i = 0; i < 4; i++) {
                assertThat(book(UUID.randomUUID(), "901", 2 + i, 3 + i, "Bob Builder", "bob@builder.example").status())
                        .isEqualTo(201);
            }
            for (int i = 0; i < 7; i++) {
                streamed.add(stream.next("availability", Duration.ofSeconds(10)).data().toString());
            }
        }
        String graceId = guestIdInTheEvents(graceFirst);
        assertThat(streamed).as("the live stream carries no personal data")
                            .allSatisfy(change -> assertThat(change).doesNotContain("Grace", "Hopper", "Bob", graceId));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(figures().get("reservations")).isEqualTo("CANCELLED=1,CONFIRMED=5"));
        Map<String, String> before = figures();
        assertThat(staff().get("/api/reservations/" + graceFirst).text("guestName")).isEqualTo(NAME);
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_event_entry").query(Integer.class).single())
                .as("rooms were snapshotted").isPositive();

        assertThat(tablesHolding(EMAIL)).as("before the erasure: only where staff read it, never in an event")
                                        .containsExactly("reservation_view");
        assertThat(anyone().as("auditor", "erase-auditor").getText("/api/audit/events", "Accept", "application/x-ndjson")
                           .body()).contains(NAME, EMAIL);

        assertStaffOnly();
        assertThat(staff().delete("/api/guests?email=nobody@navy.example").status()).isEqualTo(404);
        assertThat(staff().delete("/api/guests?email=" + EMAIL_AS_TYPED_LATER).status()).isEqualTo(204);
        assertThat(staff().delete("/api/guests/" + graceId).status()).as("nothing left to erase").isEqualTo(404);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode grace = staff().get("/api/reservations/" + graceFirst).body();
            assertThat(grace.path("guestErased").asBoolean()).isTrue();
            assertThat(grace.path("guestName").isNull()).isTrue();
            assertThat(grace.path("guestEmail").isNull()).isTrue();
        });
        assertThat(staff().get("/api/reservations/" + graceFirst).text("status")).isEqualTo("CONFIRMED");
        assertThat(figures()).isEqualTo(before);

        replayEveryProjection();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(PROJECTIONS).noneMatch(name -> processor(name).isReplaying());
            assertThat(figures()).isEqualTo(before);
        });
        assertThat(staff().get("/api/reservations/" + graceFirst).body().path("guestErased").asBoolean()).isTrue();

        List<RoomReserved> reread = events.readEvents("901", 0).asStream()
                                          .filter(event -> event.getPayload() instanceof RoomReserved)
                                          .map(event -> (RoomReserved) event.getPayload()).toList();
        assertThat(reread).filteredOn(event -> event.reservationId().equals(graceFirst))
                          .singleElement().satisfies(event -> assertThat(event.guest().erased()).isTrue());
        assertThat(reread).filteredOn(event -> !event.guest().erased())
                          .allSatisfy(event -> assertThat(event.guest().name()).isEqualTo("Bob Builder"));

        long stored = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        assertThat(book(graceFirst, "901", 0, 2, NAME, EMAIL).status())
                .as("a retry of the erased guest's booking is still recognised").isEqualTo(201);
        assertThat(book(graceFirst, "901", 0, 2, NAME, "someone.else@navy.example").status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isEqualTo(stored);

        HttpResponse<String> export = anyone().as("auditor", "erase-auditor")
                                              .getText("/api/audit/events", "Accept", "application/x-ndjson");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).doesNotContain("Grace", "Hopper", "navy.example", "sealed")
                                 .contains("\"guestId\":\"" + graceId + "\",\"erased\":true,\"erasedBy\":\"staff\"",
                                         "Bob Builder", "GuestErased");
        for (String trace : List.of("Grace", "Hopper", EMAIL, EMAIL_AS_TYPED_LATER, "navy.example")) {
            assertThat(tablesHolding(trace)).as("tables holding " + trace).isEmpty();
        }
        assertThat(tablesHolding("bob@builder.example")).as("another guest: sealed in the events, shown to staff")
                                                       .containsExactly("reservation_view");
    }

    /** A moved stay carries its guest sealed, so erasing the guest erases it in the move's events too. */
    @Test
    void aMovedReservationsGuestIsErasedInTheMoveToo() {
        registerRooms("911", "912");
        String email = "moving.guest@moves.example";
        UUID moving = UUID.randomUUID();
        assertThat(book(moving, "911", 20, 22, "Mona Mover", email).status()).isEqualTo(201);
        move(moving, "912");
        assertThat(jdbc.sql("""
                            SELECT count(*) FROM domain_event_entry
                            WHERE payload_type IN ('hotel.booking.api.MoveRequested', 'hotel.booking.api.StayMovedIn')
                              AND convert_from(payload, 'UTF8')::jsonb -> 'guest' ->> 'guestId' IS NOT NULL""")
                       .query(Long.class).single()).as("the move's events carry the guest, sealed").isEqualTo(2);

        assertThat(staff().delete("/api/guests?email=" + email).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(staff().get("/api/reservations/" + moving).body().path("guestErased").asBoolean()).isTrue());
        assertThat(events.readEvents("912", 0).asStream().map(event -> event.getPayload())
                         .filter(payload -> payload instanceof hotel.booking.api.StayMovedIn).toList())
                .singleElement().satisfies(payload ->
                        assertThat(((hotel.booking.api.StayMovedIn) payload).guest().erased()).isTrue());
        for (String trace : List.of("Mona", "Mona Mover", email, "moves.example")) { // not "Mover": "MoveRequested"
            assertThat(tablesHolding(trace)).as("tables holding " + trace).isEmpty();
        }
    }

    /**
     * A move writes the stay's guest from the room as the node holds it in memory: a guest erased since
     * the room was last read must come out erased, and no new key may bring the data back.
     */
    @Test
    void aGuestErasedWhileTheirRoomIsInMemoryIsNotWrittenAgainByALaterMove() {
        registerRooms("921", "922");
        String email = "cached.guest@rooms.example";
        UUID staying = UUID.randomUUID();
        assertThat(book(staying, "921", 30, 32, "Carla Cached", email).status()).isEqualTo(201);
        String guestId = guestIdInTheEvents(staying);

        assertThat(staff().delete("/api/guests?email=" + email).status()).isEqualTo(204);
        move(staying, "922");

        assertThat(jdbc.sql("SELECT count(*) FROM guest_key WHERE guest_id = ?").param(guestId).query(Long.class).single())
                .as("no key made again for the erased guest").isZero();
        assertThat(events.readEvents("921", 0).asStream().map(event -> event.getPayload())
                         .filter(payload -> payload instanceof hotel.booking.api.MoveRequested).toList())
                .singleElement().satisfies(payload ->
                        assertThat(((hotel.booking.api.MoveRequested) payload).guest().erased()).isTrue());
        for (String trace : List.of("Carla", "Carla Cached", email, "rooms.example")) {
            assertThat(tablesHolding(trace)).as("tables holding " + trace).isEmpty();
        }
    }

    /** A double room and a suite to move between. */
    private void registerRooms(String doubleRoom, String suite) {
        assertThat(staff().registerRoom(doubleRoom, "DOUBLE", 2, "120.00").status()).isEqualTo(201);
        assertThat(staff().registerRoom(suite, "SUITE", 3, "250.00").status()).isEqualTo(201);
    }

    /** Moves the reservation and waits until it shows in its new room. */
    private void move(UUID reservationId, String room) {
        assertThat(staff().post("/api/reservations/" + reservationId + "/move", "{\"roomNumber\":\"" + room + "\"}")
                          .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(staff().get("/api/reservations/" + reservationId).text("roomNumber")).isEqualTo(room));
    }

    private void assertStaffOnly() {
        HotelClient.Response unsigned = anyone().delete("/api/guests?email=" + EMAIL);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.contentType()).isEqualTo("application/problem+json");
        assertThat(anyone().as("auditor", "erase-auditor").delete("/api/guests?email=" + EMAIL).status()).isEqualTo(403);
        assertThat(anyone().as("analyst", "erase-analyst").delete("/api/guests?email=" + EMAIL).status()).isEqualTo(403);
        for (String bad : List.of("/api/guests", "/api/guests?email=not-an-address", "/api/guests/too-short")) {
            HotelClient.Response refused = staff().delete(bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
        }
    }

    private String guestIdInTheEvents(UUID reservationId) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb -> 'guest' ->> 'guestId' FROM domain_event_entry
                        WHERE convert_from(payload, 'UTF8')::jsonb ->> 'reservationId' = ?
                          AND payload_type = 'hotel.booking.api.RoomReserved'""")
                   .param(reservationId.toString()).query(String.class).single();
    }

    /** What the bookings add up to: the read models and every report, as their APIs answer. */
    private Map<String, String> figures() {
        HotelClient analyst = anyone().as("analyst", "erase-analyst");
        String range = "?from=" + night + "&to=" + night.plusDays(10);
        String today = "?from=" + LocalDate.now(ZoneOffset.UTC) + "&to=" + LocalDate.now(ZoneOffset.UTC).plusDays(1);
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("reservations", String.join(",", jdbc.sql("""
                SELECT status || '=' || count(*) FROM reservation_view GROUP BY status ORDER BY status""")
                                                       .query(String.class).list()));
        figures.put("prices", jdbc.sql("SELECT coalesce(sum(total_price), 0)::text FROM reservation_view")
                                  .query(String.class).single());
        figures.put("rooms", anyone().get("/api/rooms").body().toString());
        figures.put("availability", anyone().get("/api/availability" + range).body().path("rooms").toString());
        figures.put("occupancy", analyst.get("/api/reports/occupancy" + range).body().toString());
        figures.put("cancellations", analyst.get("/api/reports/cancellations" + today).body().toString());
        figures.put("lead-times", analyst.get("/api/reports/lead-times" + range).body().toString());
        return figures;
    }

    private void replayEveryProjection() {
        for (String name : PROJECTIONS) {
            StreamingEventProcessor processor = processor(name);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    /**
     * Every table whose rows hold {@code text}: as text in any column, or as UTF-8 in a {@code bytea}
     * (events, snapshots, tokens), searched in its hexadecimal form and in the event and snapshot
     * payloads read as UTF-8.
     */
    private List<String> tablesHolding(String text) {
        List<String> holding = new ArrayList<>();
        for (String table : jdbc.sql("""
                                     SELECT table_name FROM information_schema.tables
                                     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""")
                                .query(String.class).list()) {
            long rows = jdbc.sql("SELECT count(*) FROM " + table + " t WHERE position(lower(?) in lower(t::text)) > 0"
                                 + " OR position(encode(convert_to(?, 'UTF8'), 'hex') in t::text) > 0")
                            .params(text, text).query(Long.class).single();
            if (rows > 0) {
                holding.add(table);
            }
        }
        for (String table : List.of("domain_event_entry", "snapshot_event_entry")) {
            long rows = jdbc.sql("SELECT count(*) FROM " + table
                                 + " WHERE position(lower(?) in lower(convert_from(payload, 'UTF8'))) > 0"
                                 + " OR position(lower(?) in lower(convert_from(coalesce(meta_data, ''::bytea), 'UTF8'))) > 0")
                            .params(text, text).query(Long.class).single();
            if (rows > 0) {
                holding.add(table + ".payload");
            }
        }
        return holding;
    }
}
