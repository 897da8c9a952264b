package hotel.booking.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar, run the README's way on its embedded PostgreSQL: it comes up with the sample
 * rooms, and after a {@code kill -9} every accepted booking is still there.
 */
class EmbeddedDefaultIT {

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroy);
    }

    private Process start(int port) throws IOException {
        Path jar = Path.of(System.getProperty("hotel.jar", "target/hotel.jar")).toAbsolutePath();
        Process app = new ProcessBuilder("java", "-jar", jar.toString(), "--server.port=" + port)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("app.log").toFile()))
                .start();
        started.add(app);
        return app;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitUp(HotelClient hotel) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
               .untilAsserted(() -> assertThat(hotel.get("/api/rooms").body()).hasSize(10));
    }

    @Test
    void everyAcceptedBookingSurvivesAKill9() throws Exception {
        int port = freePort();
        HotelClient hotel = new HotelClient(port);
        Process first = start(port);
        awaitUp(hotel);

        LocalDate checkIn = LocalDate.now().plusDays(3);
        List<HotelClient.Response> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HotelClient.Response booking = hotel.book(Integer.toString(101 + i), checkIn, checkIn.plusDays(2));
            assertThat(booking.status()).isEqualTo(201);
            accepted.add(booking);
        }

        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(Files.exists(work.resolve("data/postgres/postmaster.pid")))
                .as("the embedded PostgreSQL outlived the killed app").isTrue();

        start(port);
        awaitUp(hotel);
        for (HotelClient.Response booking : accepted) {
            String path = "/api/reservations/" + booking.text("reservationId");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(hotel.get(path, "X-Reservation-Token", booking.text("cancellationToken")).text("status"))
                            .isEqualTo("CONFIRMED"));
        }
        assertThat(hotel.book("101", checkIn, checkIn.plusDays(1)).status()).isEqualTo(409);
    }
}
