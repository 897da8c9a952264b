package hotel.booking.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hotel's HTTP API, for what the tests arrange and check behind the page's back. */
final class HotelApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;

    HotelApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** How many rooms the availability read model knows, or 0 while the app does not answer. */
    int availableRooms(LocalDate from, LocalDate to) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/availability?from=" + from + "&to=" + to)));
            return response.statusCode() == 200 ? JSON.readTree(response.body()).path("rooms").size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Every night of the range as "room|date" → "free" or "taken", the way the page marks its cells. */
    Map<String, String> nights(LocalDate from, LocalDate to) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/availability?from=" + from + "&to=" + to)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, String> nights = new HashMap<>();
        for (JsonNode room : JSON.readTree(response.body()).path("rooms")) {
            for (JsonNode night : room.path("nights")) {
                nights.put(room.path("roomNumber").asText() + "|" + night.path("date").asText(),
                        night.path("available").asBoolean() ? "free" : "taken");
            }
        }
        return nights;
    }

    /** Books a stay as another guest would, and answers the reservation id. */
    String book(String room, LocalDate checkIn, LocalDate checkOut) throws IOException {
        String body = """
                {"roomNumber":"%s","checkIn":"%s","checkOut":"%s","guestName":"Grace Hopper",
                 "guestEmail":"grace@example.com"}""".formatted(room, checkIn, checkOut);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/reservations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("reservationId").asText();
    }

    /** Registers a room as the front desk does. */
    void registerRoom(String room, String type, int capacity, String nightlyRate) throws IOException {
        String body = """
                {"roomNumber":"%s","type":"%s","capacity":%d,"nightlyRate":%s}""".formatted(room, type, capacity, nightlyRate);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/rooms"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("staff:" + HotelServer.STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
