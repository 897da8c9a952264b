package hotel.booking.query.audit;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams a history several times larger than the heap this test runs in ({@code -Xmx64m}, its own
 * Surefire execution): a reader that held the history in memory would fail with OutOfMemoryError.
 */
@Tag("small-heap")
class AuditStreamMemoryTest {

    private static final int EVENTS = 150_000;
    private static final int PAYLOAD_BYTES = 1_000;

    @Test
    void theWholeHistoryStreamsThroughAHeapSmallerThanIt() {
        DataSource dataSource = TestPostgres.migratedDataSource();
        new JdbcTemplate(dataSource).update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT 'R' || (i % 1000), i / 1000, 'Room', 'event-' || i,
                       convert_to('{"requestId":"request-' || i || '","principal":"anonymous"}', 'UTF8'),
                       convert_to(json_build_object('roomNumber', 'R' || (i % 1000), 'note', repeat('x', ?))::text, 'UTF8'),
                       '1', 'hotel.booking.api.RoomRegistered', '2020-01-01T00:00:00.' || lpad((i % 1000)::text, 3, '0') || 'Z'
                FROM generate_series(1, ?) AS i
                """, PAYLOAD_BYTES, EVENTS);
        AuditLog log = new AuditLog(dataSource, new DataSourceTransactionManager(dataSource), Clock.systemUTC(),
                Duration.ofSeconds(10),
                new HistoryGuests(StoredEventWriter.sealedGuests(dataSource), JdbcClient.create(dataSource)));
        ObjectWriter json = JsonMapper.builder().addModule(new JavaTimeModule()).build().writerFor(AuditEvent.class);
        AtomicLong events = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong lastPosition = new AtomicLong();

        log.stream(0, Long.MAX_VALUE, event -> {
            assertThat(event.position()).isEqualTo(lastPosition.get() + 1);
            lastPosition.set(event.position());
            events.incrementAndGet();
            bytes.addAndGet(lineLength(json, event));
        });

        assertThat(events).hasValue(EVENTS);
        assertThat(Runtime.getRuntime().maxMemory())
                .as("the heap is smaller than what was streamed through it")
                .isLessThan(bytes.get() / 2);
    }

    private static long lineLength(ObjectWriter json, AuditEvent event) {
        try {
            return json.writeValueAsBytes(event).length + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
