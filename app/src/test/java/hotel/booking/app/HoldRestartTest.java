package hotel.booking.app;

import com.fasterxml.jackson.databind.JsonNode;
import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A hold's deadline is in the database: the app that made it can stop, the next one gives the nights back. */
class HoldRestartTest {

    private static final Duration HOLD = Duration.ofSeconds(8);

    private final TestPostgres.Database database = TestPostgres.freshDatabase();

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HotelApplication.class).run(
                "--server.port=0",
                "--hotel.sample-rooms=true",
                "--hotel.holds.duration=" + HOLD.toSeconds() + "s",
                "--hotel.holds.polling-interval=200ms",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username());
    }

    private static HotelClient clientOf(ConfigurableApplicationContext context) {
        return new HotelClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static boolean free(HotelClient hotel, LocalDate night) {
        JsonNode rooms = hotel.get("/api/availability?from=" + night + "&to=" + night.plusDays(1)).body().get("rooms");
        for (JsonNode room : rooms) {
            if (room.get("roomNumber").asText().equals("101")) {
                return room.get("nights").get(0).get("available").asBoolean();
            }
        }
        throw new AssertionError("No room 101 in " + rooms);
    }

    @Test
    void aHoldExpiresAfterTheAppThatMadeItStopped() {
        LocalDate night = LocalDate.now().plusDays(20);
        HotelClient.Response hold;
        Instant expiresAt;
        try (ConfigurableApplicationContext first = start()) {
            HotelClient hotel = clientOf(first);
            await().atMost(Duration.ofSeconds(30)).until(() -> hotel.get("/api/rooms").body().size() == 10);
            hold = hotel.post("/api/holds", """
                    {"roomNumber":"101","checkIn":"%s","checkOut":"%s","guestName":"Ada Lovelace",
                     "guestEmail":"ada@example.com"}""".formatted(night, night.plusDays(1)));
            assertThat(hold.status()).isEqualTo(201);
            expiresAt = Instant.parse(hold.text("expiresAt"));
            await().atMost(Duration.ofSeconds(5)).until(() -> !free(hotel, night));
        }
        assertThat(Instant.now())
                .as("the first app stopped before the hold expired, so its deadline cannot have fired there")
                .isBefore(expiresAt);

        try (ConfigurableApplicationContext second = start()) {
            HotelClient hotel = clientOf(second);
            await().atMost(HOLD.plusSeconds(30)).pollInterval(Duration.ofMillis(200))
                   .until(() -> free(hotel, night));
            System.out.println("The hold that expired at " + expiresAt + " was given back at " + Instant.now()
                    + " by the restarted app");
            assertThat(Instant.now()).isAfterOrEqualTo(expiresAt);
            HotelClient.Response view = hotel.get("/api/reservations/" + hold.text("reservationId"),
                    "X-Reservation-Token", hold.text("cancellationToken"));
            assertThat(view.text("releaseReason")).isEqualTo("HOLD_EXPIRED");
            assertThat(hotel.post("/api/holds/" + hold.text("reservationId") + "/confirm", "",
                    "X-Reservation-Token", hold.text("cancellationToken")).status()).isEqualTo(409);
        }
    }
}
