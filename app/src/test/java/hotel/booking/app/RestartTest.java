package hotel.booking.app;

import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What was accepted before a restart is all there after it, and projections do not count it twice. */
class RestartTest {

    private final TestPostgres.Database database = TestPostgres.freshDatabase();

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HotelApplication.class).run(
                "--server.port=0",
                "--hotel.sample-rooms=true",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username());
    }

    private static HotelClient clientOf(ConfigurableApplicationContext context) {
        return new HotelClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void bookingsSurviveARestart() {
        LocalDate checkIn = LocalDate.now().plusDays(10);
        HotelClient.Response booking;
        try (ConfigurableApplicationContext first = start()) {
            HotelClient hotel = clientOf(first);
            booking = hotel.book("101", checkIn, checkIn.plusDays(2));
            assertThat(booking.status()).isEqualTo(201);
        }

        try (ConfigurableApplicationContext second = start()) {
            HotelClient hotel = clientOf(second);
            String path = "/api/reservations/" + booking.text("reservationId");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(hotel.get(path, "X-Reservation-Token", booking.text("cancellationToken")).status())
                            .isEqualTo(200));
            assertThat(hotel.book("101", checkIn, checkIn.plusDays(1)).status()).isEqualTo(409);
            assertThat(hotel.get("/api/rooms").body()).hasSize(10);
            assertThat(hotel.cancel(booking).status()).isEqualTo(204);
        }
    }
}
