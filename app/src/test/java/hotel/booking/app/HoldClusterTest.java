package hotel.booking.app;

import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two command nodes on one database: every hold made on either is given back once, by one of them. */
class HoldClusterTest {

    private final TestPostgres.Database database = TestPostgres.freshDatabase();

    private ConfigurableApplicationContext start(boolean sampleRooms) {
        return new SpringApplicationBuilder(HotelApplication.class).run(
                "--server.port=0",
                "--hotel.sample-rooms=" + sampleRooms,
                "--hotel.holds.duration=8s",
                "--hotel.holds.polling-interval=100ms",
                "--hotel.rate-limit.bookings.enabled=false",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username());
    }

    private static HotelClient clientOf(ConfigurableApplicationContext context) {
        return new HotelClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void eachHoldExpiresExactlyOnceWhicheverNodeMadeIt() {
        try (ConfigurableApplicationContext first = start(true);
             ConfigurableApplicationContext second = start(false)) {
            List<HotelClient> nodes = List.of(clientOf(first), clientOf(second));
            await().atMost(Duration.ofSeconds(30)).until(() -> nodes.get(1).get("/api/rooms").body().size() == 10);
            LocalDate night = LocalDate.now().plusDays(30);
            List<String> holds = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                HotelClient node = nodes.get(i % 2);
                HotelClient.Response hold = node.post("/api/holds", """
                        {"roomNumber":"%d","checkIn":"%s","checkOut":"%s","guestName":"Ada Lovelace",
                         "guestEmail":"ada@example.com"}""".formatted(101 + i, night, night.plusDays(1)));
                assertThat(hold.status()).isEqualTo(201);
                holds.add(hold.text("reservationId"));
            }

            // the other node books another night of each room: the node that made the hold now has a stale
            // room in its cache, and when the hold's deadline fires there its append loses and is retried
            for (int i = 0; i < 10; i++) {
                HotelClient other = nodes.get((i + 1) % 2);
                assertThat(other.book(String.valueOf(101 + i), night.plusDays(3), night.plusDays(4)).status())
                        .isEqualTo(201);
            }

            JdbcClient jdbc = JdbcClient.create(first.getBean(DataSource.class));
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() ->
                    jdbc.sql("SELECT count(*) FROM scheduled_tasks").query(Long.class).single() == 0);
            List<String> released = jdbc.sql("""
                    SELECT aggregate_identifier FROM domain_event_entry
                    WHERE payload_type = 'hotel.booking.api.RoomReleased' AND convert_from(payload, 'UTF8') LIKE '%HOLD_EXPIRED%'
                    """).query(String.class).list();
            assertThat(released).hasSize(10).doesNotHaveDuplicates();
            for (HotelClient node : nodes) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        node.get("/api/availability?from=" + night + "&to=" + night.plusDays(1)).body()
                            .findValues("available")).allMatch(available -> available.asBoolean()));
            }
        }
    }
}
