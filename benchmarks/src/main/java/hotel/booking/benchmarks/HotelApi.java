package hotel.booking.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/** The app's public HTTP API, as the load generator uses it. */
final class HotelApi {

    record Booked(int status, String reservationId, String token) {
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String staff = "Basic " + Base64.getEncoder()
            .encodeToString(("staff:" + AppUnderTest.STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8));

    HotelApi(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static String roomNumber(int index) {
        return Integer.toString(1000 + index);
    }

    /** Rooms 1000, 1001, ... registered in parallel; returns when the read model lists them all. */
    void registerRooms(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "{\"roomNumber\":\"" + roomNumber(i) + "\",\"type\":\"DOUBLE\",\"capacity\":2,\"nightlyRate\":100.00}";
            answers.add(pool.submit(() -> post("/api/rooms", body, staff).statusCode()));
        }
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("Registering a room answered " + status);
            }
        }
        pool.shutdown();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (get("/api/rooms").body().split("\"roomNumber\"", -1).length - 1 < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The rooms never all showed up in the read model");
            }
            AppUnderTest.sleep(100);
        }
    }

    Booked book(String room, LocalDate checkIn, LocalDate checkOut) {
        String body = "{\"reservationId\":\"" + UUID.randomUUID() + "\",\"roomNumber\":\"" + room
                + "\",\"checkIn\":\"" + checkIn + "\",\"checkOut\":\"" + checkOut
                + "\",\"guestName\":\"Bench Guest\",\"guestEmail\":\"guest@example.com\"}";
        HttpResponse<String> response = post("/api/reservations", body, null);
        if (response.statusCode() != 201) {
            return new Booked(response.statusCode(), null, null);
        }
        return new Booked(201, field(response.body(), "reservationId"), field(response.body(), "cancellationToken"));
    }

    int cancel(Booked booked) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/reservations/" + booked.reservationId()))
                .header("X-Reservation-Token", booked.token()).DELETE()).statusCode();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private HttpResponse<String> post(String path, String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        int start = at + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }
}
