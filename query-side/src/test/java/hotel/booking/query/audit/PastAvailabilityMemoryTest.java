package hotel.booking.query.audit;

import hotel.booking.platform.eventstore.StorageSerializerConfiguration;
import hotel.booking.query.availability.AvailabilityQuery;
import hotel.booking.query.availability.NightAvailability;
import hotel.booking.query.availability.RoomAvailability;
import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folds a history several times larger than the heap this test runs in ({@code -Xmx64m}, its own
 * Surefire execution) into the availability of a year of nights: a reader that held the rows, or
 * every stay ever booked, would fail with OutOfMemoryError.
 */
@Tag("small-heap")
class PastAvailabilityMemoryTest {

    @Test
    void aLongHistoryFoldsThroughAHeapSmallerThanItIntoTheRightAnswer() {
        DataSource dataSource = TestPostgres.migratedDataSource();
        SeededHistory history = SeededHistory.write(dataSource, 100, 1_000, 1_200);
        long stored = new JdbcTemplate(dataSource).queryForObject(
                "SELECT count(*) FROM domain_event_entry", Long.class);
        long payloadBytes = new JdbcTemplate(dataSource).queryForObject(
                "SELECT sum(length(payload)) FROM domain_event_entry", Long.class);
        PastAvailability past = new PastAvailability(dataSource, new DataSourceTransactionManager(dataSource),
                StorageSerializerConfiguration.storageSerializer(StoredEventWriter.sealedGuests(dataSource)));
        AvailabilityQuery year = new AvailabilityQuery(SeededHistory.FIRST_NIGHT,
                SeededHistory.FIRST_NIGHT.plusDays(366), null, null);

        for (Instant asOf : new Instant[]{history.end(), history.bookedAt(12_345), history.bookedAt(12_345).plusMillis(499)}) {
            AvailabilityAsOf answer = past.at(asOf, year);

            assertThat(answer.rooms()).hasSize(history.rooms);
            for (int room = 0; room < history.rooms; room++) {
                RoomAvailability availability = answer.rooms().get(room);
                assertThat(availability.roomNumber()).isEqualTo(history.roomNumber(room));
                for (NightAvailability night : availability.nights()) {
                    assertThat(night.available())
                            .as("room %s, night %s, as of %s", availability.roomNumber(), night.date(), asOf)
                            .isEqualTo(!history.taken(room, night.date(), asOf));
                }
            }
        }
        assertThat(stored).isEqualTo(history.events());
        assertThat(Runtime.getRuntime().maxMemory())
                .as("the heap is smaller than the history folded through it")
                .isLessThan(payloadBytes / 2);
    }
}
