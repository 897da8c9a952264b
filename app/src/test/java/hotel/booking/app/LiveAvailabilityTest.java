package hotel.booking.app;

import com.fasterxml.jackson.databind.JsonNode;
import hotel.booking.testsupport.FreshPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live stream through its HTTP API, with real SSE clients. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hotel.sample-rooms=true", "hotel.stream.heartbeat=200ms",
                "hotel.cors.allowed-origins=https://partner.example"})
@FreshPostgres
class LiveAvailabilityTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;
    @Autowired
    QueryUpdateEmitter emitter;

    private final LocalDate from = LocalDate.now().plusDays(60);
    private final LocalDate to = from.plusDays(14);

    @BeforeEach
    void sampleRoomsAreInTheReadModel() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(hotel().get("/api/availability?" + range()).body().get("rooms")).hasSize(10));
    }

    private HotelClient hotel() {
        return new HotelClient(port);
    }

    private SseClient subscribe(String query, String... headers) {
        return SseClient.connect("http://localhost:" + port + "/api/availability/stream?" + query, headers);
    }

    private String range() {
        return "from=" + from + "&to=" + to;
    }

    private double openStreams() {
        return meters.get("hotel.sse.connections").gauge().value();
    }

    @Test
    void theStreamOpensWithTheSnapshotOfTheRange() {
        try (SseClient client = subscribe(range() + "&type=FAMILY")) {
            SseClient.Event snapshot = client.next(Duration.ofSeconds(5));

            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Content-Type")).startsWith("text/event-stream");
            assertThat(client.header("X-Accel-Buffering")).isEqualTo("no");
            assertThat(client.retry()).isEqualTo("3000");
            assertThat(snapshot.name()).isEqualTo("snapshot");
            assertThat(snapshot.data().get("rooms").findValuesAsText("roomNumber")).containsExactly("108", "109");
            assertThat(snapshot.data().get("rooms").get(0).get("nights")).hasSize(14);
            assertThat(snapshot.idAsLong()).isEqualTo(snapshot.data().get("position").asLong());
            JsonNode same = hotel().get("/api/availability?" + range() + "&type=FAMILY").body();
            assertThat(snapshot.data()).isEqualTo(same);
        }
    }

    @Test
    void aBookingAndItsCancelArriveOnEveryStreamWithinASecond() {
        try (SseClient first = subscribe(range()); SseClient second = subscribe(range() + "&guests=4")) {
            first.next("snapshot", Duration.ofSeconds(5));
            second.next("snapshot", Duration.ofSeconds(5));

            HotelClient.Response booking = hotel().book("108", from.plusDays(2), from.plusDays(5));
            for (SseClient client : List.of(first, second)) {
                JsonNode change = client.next("availability", ONE_SECOND).data();
                assertThat(change.get("roomNumber").asText()).isEqualTo("108");
                assertThat(change.get("from").asText()).isEqualTo(from.plusDays(2).toString());
                assertThat(change.get("to").asText()).isEqualTo(from.plusDays(5).toString());
                assertThat(change.get("available").asBoolean()).isFalse();
            }

            assertThat(hotel().cancel(booking).status()).isEqualTo(204);
            for (SseClient client : List.of(first, second)) {
                assertThat(client.next("availability", ONE_SECOND).data().get("available").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void streamsFollowingTheSameQueryShareOneSubscriptionAndEachGetsEveryChange() {
        List<SseClient> clients = new ArrayList<>();
        try {
            for (String query : List.of(range(), range(), range(), range() + "&guests=4")) {
                SseClient client = subscribe(query);
                clients.add(client);
                client.next("snapshot", Duration.ofSeconds(5));
            }
            assertThat(emitter.activeSubscriptions()).hasSize(2);
            assertThat(meters.get("hotel.sse.subscriptions").gauge().value()).isEqualTo(2.0);

            hotel().book("108", from.plusDays(7), from.plusDays(8));

            for (SseClient client : clients) {
                assertThat(client.next("availability", ONE_SECOND).data().get("from").asText())
                        .isEqualTo(from.plusDays(7).toString());
            }
            clients.remove(0).close();
            clients.remove(0).close();
            await().atMost(Duration.ofSeconds(5)).until(() -> openStreams() == 2.0);
            assertThat(emitter.activeSubscriptions()).hasSize(2);
        } finally {
            clients.forEach(SseClient::close);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> emitter.activeSubscriptions().isEmpty());
    }

    @Test
    void changesOutsideTheRangeOrFilterAreNotSent() {
        try (SseClient suites = subscribe(range() + "&type=SUITE")) {
            suites.next("snapshot", Duration.ofSeconds(5));
            hotel().book("101", from.plusDays(1), from.plusDays(2));
            hotel().book("110", to.plusDays(1), to.plusDays(2));
            hotel().book("110", from.plusDays(1), from.plusDays(2));

            SseClient.Event change = suites.next("availability", Duration.ofSeconds(2));

            assertThat(change.data().get("roomNumber").asText()).isEqualTo("110");
            assertThat(change.data().get("from").asText()).isEqualTo(from.plusDays(1).toString());
        }
    }

    @Test
    void aClientThatMissedThreeChangesGetsExactlyThoseThreeWhenItComesBack() {
        String lastId;
        try (SseClient client = subscribe(range())) {
            lastId = client.next("snapshot", Duration.ofSeconds(5)).id();
        }
        HotelClient.Response first = hotel().book("103", from, from.plusDays(2));
        hotel().book("104", from.plusDays(3), from.plusDays(4));
        hotel().cancel(first);

        try (SseClient back = subscribe(range(), "Last-Event-ID", lastId)) {
            List<SseClient.Event> missed = List.of(back.next(Duration.ofSeconds(5)), back.next(ONE_SECOND),
                    back.next(ONE_SECOND));

            assertThat(missed).extracting(SseClient.Event::name).containsOnly("availability");
            assertThat(missed).extracting(e -> e.data().get("roomNumber").asText()).containsExactly("103", "104", "103");
            assertThat(missed).extracting(e -> e.data().get("available").asBoolean()).containsExactly(false, false, true);
            assertThat(missed).extracting(SseClient.Event::idAsLong).isSorted();
            await().during(Duration.ofMillis(500)).atMost(ONE_SECOND).until(() -> back.drain().isEmpty());
        }
    }

    @Test
    void theLastEventIdMayComeAsAQueryParameter() {
        String lastId;
        try (SseClient client = subscribe(range())) {
            lastId = client.next("snapshot", Duration.ofSeconds(5)).id();
        }
        hotel().book("105", from, from.plusDays(1));

        try (SseClient back = subscribe(range() + "&lastEventId=" + lastId)) {
            assertThat(back.next(Duration.ofSeconds(5)).data().get("roomNumber").asText()).isEqualTo("105");
        }
    }

    @Test
    void aClientResumingFromAnIdTheServerNeverGaveGetsAFreshSnapshot() {
        try (SseClient client = subscribe(range(), "Last-Event-ID", "999999999")) {
            assertThat(client.next(Duration.ofSeconds(5)).name()).isEqualTo("snapshot");
        }
    }

    @Test
    void idleStreamsCarryHeartbeats() {
        try (SseClient client = subscribe(range())) {
            client.next("snapshot", Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(3)).until(() -> !client.comments().isEmpty());
            assertThat(client.comments()).allMatch(comment -> comment.startsWith(":"));
        }
    }

    @Test
    void aThousandClientsComingAndGoingLeaveNoSubscriptionBehind() throws Exception {
        String request = "GET /api/availability/stream?" + range() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/event-stream\r\n\r\n";
        for (int i = 0; i < 1000; i++) {
            try (Socket socket = new Socket("localhost", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[512];
                String received = "";
                while (!received.contains("event: snapshot")) {
                    int read = in.read(buffer);
                    assertThat(read).isPositive();
                    received += new String(buffer, 0, read, StandardCharsets.UTF_8);
                }
            }
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(openStreams()).isZero();
            assertThat(emitter.activeSubscriptions()).isEmpty();
        });
    }

    @Test
    void pagesOfAllowedOriginsMaySubscribe() {
        try (SseClient client = subscribe(range(), "Origin", "https://partner.example")) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Access-Control-Allow-Origin")).isEqualTo("https://partner.example");
        }
        try (SseClient client = subscribe(range(), "Origin", "https://elsewhere.example")) {
            assertThat(client.status()).isEqualTo(403);
        }
    }

    @Test
    void badRangesAreRefusedBeforeAnyStreamOpens() {
        HotelClient.Response backwards = hotel().get("/api/availability/stream?from=" + to + "&to=" + from);
        HotelClient.Response years = hotel().get("/api/availability/stream?from=" + from + "&to=" + from.plusYears(3));
        HotelClient.Response notADate = hotel().get("/api/availability/stream?from=soon&to=" + to);

        assertThat(List.of(backwards, years, notADate)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
        });
        assertThat(notADate.text("detail")).isEqualTo("Parameter 'from' must be a date (YYYY-MM-DD)");
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(openStreams()).isZero());
    }
}
