package hotel.booking.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

/** The public HTTP API as a client sees it: JSON in, status and JSON out. */
public class HotelClient {

    public record Response(int status, String contentType, JsonNode body, HttpHeaders headers) {
        public String text(String field) {
            return body.path(field).asText();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    public HotelClient(String baseUrl) {
        this(baseUrl, null);
    }

    public HotelClient(int port) {
        this("http://localhost:" + port);
    }

    private HotelClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** The same API, signed in (HTTP Basic). */
    public HotelClient as(String user, String password) {
        String credentials = user + ":" + password;
        return new HotelClient(baseUrl,
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** The answer as text, for what is not one JSON document (CSV, NDJSON). */
    public HttpResponse<String> getText(String path, String... headers) {
        try {
            return http.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                                          .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    public Response book(String room, LocalDate checkIn, LocalDate checkOut) {
        return book(null, room, checkIn, checkOut);
    }

    public Response book(UUID reservationId, String room, LocalDate checkIn, LocalDate checkOut, String... headers) {
        String id = reservationId == null ? "" : "\"reservationId\":\"" + reservationId + "\",";
        return post("/api/reservations", """
                {%s"roomNumber":"%s","checkIn":"%s","checkOut":"%s","guestName":"Ada Lovelace",
                 "guestEmail":"ada@example.com"}""".formatted(id, room, checkIn, checkOut), headers);
    }

    public Response cancel(Response booking) {
        return delete("/api/reservations/" + booking.text("reservationId"),
                "X-Reservation-Token", booking.text("cancellationToken"));
    }

    public Response registerRoom(String room, String type, int capacity, String rate) {
        return post("/api/rooms", """
                {"roomNumber":"%s","type":"%s","capacity":%d,"nightlyRate":%s}""".formatted(room, type, capacity, rate));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), body, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
