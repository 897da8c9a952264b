package hotel.booking.app;

import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command nodes on one event store, each keeping rooms in its cache: a node whose cached room is
 * stale (the other node booked since) must not decide on it. The store refuses the stale append, the
 * node evicts the room and retries on a fresh load.
 */
class TwoCommandNodesTest {

    private final TestPostgres.Database database = TestPostgres.freshDatabase();

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HotelApplication.class).profiles("command").run(
                "--server.port=0",
                "--hotel.sample-rooms=false",
                "--hotel.security.staff-password=two-nodes-staff",
                "--hotel.rate-limit.bookings.enabled=false",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username());
    }

    private static HotelClient clientOf(ConfigurableApplicationContext context) {
        return new HotelClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void aNodeWithAStaleRoomInItsCacheNeverBooksANightTheOtherNodeSold() {
        LocalDate night = LocalDate.now().plusDays(30);
        try (ConfigurableApplicationContext a = start(); ConfigurableApplicationContext b = start()) {
            HotelClient nodeA = clientOf(a);
            HotelClient nodeB = clientOf(b);
            assertThat(nodeA.as("staff", "two-nodes-staff").registerRoom("501", "DOUBLE", 2, "90.00").status())
                    .isEqualTo(201);
            // both nodes now hold room 501 in their caches
            assertThat(nodeA.book("501", night, night.plusDays(1)).status()).isEqualTo(201);
            assertThat(nodeB.book("501", night.plusDays(1), night.plusDays(2)).status()).isEqualTo(201);

            // node A's cached room does not know B's booking; B's does not know A's
            assertThat(nodeA.book("501", night.plusDays(1), night.plusDays(2)).status()).isEqualTo(409);
            assertThat(nodeB.book("501", night, night.plusDays(1)).status()).isEqualTo(409);

            // and racing on both nodes for the same nights: one booking in all
            List<CompletableFuture<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                HotelClient node = i % 2 == 0 ? nodeA : nodeB;
                racers.add(CompletableFuture.supplyAsync(
                        () -> node.book("501", night.plusDays(5), night.plusDays(7)).status()));
            }
            assertThat(racers.stream().map(CompletableFuture::join).toList()).containsOnly(201, 409)
                                                                              .containsOnlyOnce(201);

            JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    database.url(), database.username(), database.password() == null ? "" : database.password()));
            assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '501' "
                                + "AND payload_type = 'hotel.booking.api.RoomReserved'").query(Long.class).single())
                    .isEqualTo(3L);
        }
    }
}
