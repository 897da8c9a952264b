package hotel.booking.app.observability;

import com.fasterxml.jackson.databind.JsonNode;
import hotel.booking.app.HotelClient;
import hotel.booking.app.SseClient;
import hotel.booking.testsupport.FreshPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator scrapes and probes: health with its components, and the hotel's and Axon's metrics
 * (tests export no metrics unless asked: {@link AutoConfigureObservability}).
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"hotel.sample-rooms=false",
        "hotel.security.staff-password=observability-staff"})
@FreshPostgres
class ObservabilityTest {

    @LocalServerPort
    int port;

    private HotelClient hotel;
    private HotelClient staff;
    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalDate night = LocalDate.now().plusDays(20);

    @BeforeEach
    void client() {
        hotel = new HotelClient(port);
        staff = hotel.as("staff", "observability-staff");
    }

    @Test
    void healthReportsTheDatabaseAndEveryEventProcessor() {
        JsonNode health = hotel.get("/actuator/health").body();

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("eventProcessors").path("status").asText()).isEqualTo("UP");
        assertThat(hotel.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void bookingsAndRejectionsAreCountedOnceEachEvenWhenGuestsRaceForTheSameNight() {
        double acceptedBefore = metric("hotel_bookings_total", "outcome=\"accepted\"");
        double rejectedBefore = metric("hotel_bookings_total", "outcome=\"rejected\"");
        double nightsTakenBefore = metric("hotel_rejections_total", "rejection=\"NIGHTS_TAKEN\"");
        assertThat(staff.registerRoom("801", "DOUBLE", 2, "100.00").status()).isEqualTo(201);

        List<CompletableFuture<Integer>> guests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            guests.add(CompletableFuture.supplyAsync(() -> hotel.book("801", night, night.plusDays(2)).status()));
        }
        List<Integer> answers = guests.stream().map(CompletableFuture::join).toList();

        assertThat(answers).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(metric("hotel_bookings_total", "outcome=\"accepted\"") - acceptedBefore).isEqualTo(1.0);
        assertThat(metric("hotel_bookings_total", "outcome=\"rejected\"") - rejectedBefore).isEqualTo(7.0);
        assertThat(metric("hotel_rejections_total", "command=\"ReserveRoom\"", "rejection=\"NIGHTS_TAKEN\"")
                   - nightsTakenBefore).isEqualTo(7.0);
    }

    @Test
    void axonReportsEachProcessorsLatencyAndCapacity() {
        assertThat(staff.registerRoom("802", "SINGLE", 1, "60.00").status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(prometheus()).containsPattern("eventProcessor_latency\\{[^}]*processorName=\"rooms\"");
            assertThat(prometheus()).containsPattern("eventProcessor_capacity\\{[^}]*processorName=\"reservations\"");
        });
    }

    @Test
    void aChangeIsCountedOnceWhereItArrivesNotOncePerSubscriber() {
        double before = metric("hotel_availability_changes_total");
        LocalDate from = LocalDate.now().plusDays(40);
        String stream = "http://localhost:" + port + "/api/availability/stream?from=" + from + "&to=" + from.plusDays(7);
        try (SseClient first = SseClient.connect(stream); SseClient second = SseClient.connect(stream)) {
            first.next("snapshot", Duration.ofSeconds(5));
            second.next("snapshot", Duration.ofSeconds(5));

            assertThat(staff.registerRoom("803", "SUITE", 2, "200.00").status()).isEqualTo(201);
            first.next("room", Duration.ofSeconds(5));
            second.next("room", Duration.ofSeconds(5));
        }

        assertThat(metric("hotel_availability_changes_total") - before).isEqualTo(1.0);
        assertThat(prometheus()).as("no meters per subscription update").doesNotContain("queryUpdateEmitter");
    }

    private String prometheus() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of the one sample of {@code name} carrying every label given; 0 when there is none yet. */
    private double metric(String name, String... labels) {
        Matcher samples = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(prometheus());
        List<Double> values = new ArrayList<>();
        while (samples.find()) {
            if (List.of(samples.group(1).split(",")).containsAll(List.of(labels))) {
                values.add(Double.parseDouble(samples.group(2)));
            }
        }
        assertThat(values).hasSizeLessThanOrEqualTo(1);
        return values.isEmpty() ? 0.0 : values.get(0);
    }
}
