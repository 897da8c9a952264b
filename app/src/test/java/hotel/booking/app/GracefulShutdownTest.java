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

/** Shutting a node down ends its streams at once, telling clients to reconnect (elsewhere) soon. */
class GracefulShutdownTest {

    @Test
    void openStreamsAreClosedWithAShortRetryHintAndDoNotHoldUpShutdown() {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(HotelApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(), "--spring.lifecycle.timeout-per-shutdown-phase=30s");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        LocalDate from = LocalDate.now().plusDays(1);
        SseClient client = SseClient.connect("http://localhost:" + port + "/api/availability/stream?from=" + from
                + "&to=" + from.plusDays(7));
        client.next("snapshot", Duration.ofSeconds(5));

        long started = System.nanoTime();
        app.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(2)).until(client::ended);
        assertThat(client.retry()).isEqualTo("500");
    }
}
