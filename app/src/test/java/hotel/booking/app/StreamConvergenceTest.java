package hotel.booking.app;

import com.fasterxml.jackson.databind.JsonNode;
import hotel.booking.testsupport.FreshPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Random bookings and cancellations from several threads while several subscribers watch different
 * ranges: each subscriber's picture (its snapshot with every change applied) ends up equal to what
 * {@code GET /api/availability} says for its range.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hotel.sample-rooms=true", "hotel.rate-limit.bookings.capacity=100000"})
@FreshPostgres
class StreamConvergenceTest {

    @LocalServerPort
    int port;

    /** What a page would show: room → night → free. */
    static final class Picture {
        final LocalDate from;
        final LocalDate to;
        final Map<String, Map<LocalDate, Boolean>> rooms = new TreeMap<>();
        long lastId;

        Picture(JsonNode snapshot) {
            from = LocalDate.parse(snapshot.get("from").asText());
            to = LocalDate.parse(snapshot.get("to").asText());
            lastId = snapshot.get("position").asLong();
            for (JsonNode room : snapshot.get("rooms")) {
                Map<LocalDate, Boolean> nights = new TreeMap<>();
                room.get("nights").forEach(n -> nights.put(LocalDate.parse(n.get("date").asText()),
                        n.get("available").asBoolean()));
                rooms.put(room.get("roomNumber").asText(), nights);
            }
        }

        void apply(SseClient.Event event) {
            assertThat(event.idAsLong()).as("ids grow").isGreaterThan(lastId);
            lastId = event.idAsLong();
            Map<LocalDate, Boolean> nights = rooms.get(event.data().get("roomNumber").asText());
            LocalDate changeFrom = LocalDate.parse(event.data().get("from").asText());
            LocalDate changeTo = LocalDate.parse(event.data().get("to").asText());
            for (LocalDate night = changeFrom; night.isBefore(changeTo); night = night.plusDays(1)) {
                if (!night.isBefore(from) && night.isBefore(to)) {
                    nights.put(night, event.data().get("available").asBoolean());
                }
            }
        }
    }

    @Test
    void everySubscribersPictureEndsEqualToTheReadModel() throws Exception {
        HotelClient hotel = new HotelClient(port);
        LocalDate start = LocalDate.now().plusDays(20);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                hotel.get("/api/availability?from=" + start + "&to=" + start.plusDays(1)).body().get("rooms")).hasSize(10));
        List<String> queries = List.of(
                "from=" + start + "&to=" + start.plusDays(10),
                "from=" + start.plusDays(5) + "&to=" + start.plusDays(20) + "&type=DOUBLE",
                "from=" + start + "&to=" + start.plusDays(30) + "&guests=3");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(hotel.get("/api/availability?" + queries.get(0)).body().get("rooms")).hasSize(10));
        List<SseClient> clients = new ArrayList<>();
        List<Picture> pictures = new ArrayList<>();
        for (String query : queries) {
            SseClient client = SseClient.connect("http://localhost:" + port + "/api/availability/stream?" + query);
            clients.add(client);
            pictures.add(new Picture(client.next("snapshot", Duration.ofSeconds(5)).data()));
        }

        List<HotelClient.Response> booked = Collections.synchronizedList(new ArrayList<>());
        ExecutorService guests = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            Random random = new Random(g);
            work.add(guests.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    if (random.nextInt(3) == 0 && !booked.isEmpty()) {
                        HotelClient.Response victim = booked.remove(random.nextInt(booked.size()));
                        hotel.cancel(victim);
                    } else {
                        LocalDate checkIn = start.plusDays(random.nextInt(28));
                        HotelClient.Response booking = hotel.book(Integer.toString(101 + random.nextInt(10)),
                                checkIn, checkIn.plusDays(1 + random.nextInt(4)));
                        if (booking.status() == 201) {
                            booked.add(booking);
                        }
                    }
                }
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        guests.shutdown();

        // the projection may still be catching up: keep applying what arrives until the picture equals the read model
        for (int i = 0; i < clients.size(); i++) {
            Picture picture = pictures.get(i);
            SseClient client = clients.get(i);
            String query = queries.get(i);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                client.drain().stream().filter(e -> e.name().equals("availability")).forEach(picture::apply);
                assertThat(picture.rooms).as("picture of %s", query)
                        .isEqualTo(new Picture(hotel.get("/api/availability?" + query).body()).rooms);
            });
            client.close();
        }
    }
}
