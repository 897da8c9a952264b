package hotel.booking.query.audit;

import hotel.booking.platform.eventstore.StorageSerializerConfiguration;
import hotel.booking.query.availability.AvailabilityQuery;
import hotel.booking.testsupport.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * How long the past as it was takes to answer over a long history: seeds one (see
 * {@link SeededHistory}) in a fresh database and times {@link PastAvailability#at} a few times.
 * A measurement, not a test:
 * <pre>
 * ./mvnw -q -pl query-side -am test-compile dependency:build-classpath \
 *        -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp query-side/target/test-classes:query-side/target/classes:$(cat query-side/target/test.classpath) \
 *      hotel.booking.query.audit.PastAvailabilityTiming [rooms=100] [bookingsPerRoom=700] [runs=7]
 * </pre>
 */
public final class PastAvailabilityTiming {

    private PastAvailabilityTiming() {
    }

    public static void main(String[] args) {
        int rooms = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int bookingsPerRoom = args.length > 1 ? Integer.parseInt(args[1]) : 700;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        DataSource dataSource = TestPostgres.migratedDataSource();
        long seeding = System.nanoTime();
        SeededHistory history = SeededHistory.write(dataSource, rooms, bookingsPerRoom, 20);
        new JdbcTemplate(dataSource).execute("VACUUM ANALYZE domain_event_entry");
        System.out.printf("seeded %,d events (%d rooms) in %d ms%n", history.events(), rooms,
                Duration.ofNanos(System.nanoTime() - seeding).toMillis());
        PastAvailability past = new PastAvailability(dataSource, new DataSourceTransactionManager(dataSource),
                StorageSerializerConfiguration.storageSerializer(StoredEventWriter.sealedGuests(dataSource)));

        timeReadingAlone(dataSource, runs, history.end());
        time(past, runs, "asOf the end (every event), 30 nights", history.end(), 30);
        time(past, runs, "asOf the end (every event), 366 nights", history.end(), 366);
        time(past, runs, "asOf half-way (half the events), 30 nights",
                history.bookedAt((long) rooms * bookingsPerRoom / 2), 30);
        System.exit(0);
    }

    /** The same rows read and thrown away: what PostgreSQL and the driver take, without the fold. */
    private static void timeReadingAlone(DataSource dataSource, int runs, Instant asOf) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(AuditLog.FETCH_SIZE);
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        readOnly.setReadOnly(true);
        long[] millis = new long[runs + 1];
        long[] rows = new long[1];
        for (int run = 0; run <= runs; run++) {
            rows[0] = 0;
            long start = System.nanoTime();
            readOnly.executeWithoutResult(tx -> jdbc.query(PastAvailability.EVENTS_UP_TO, rs -> {
                rs.getBytes("payload");
                rs.getString("time_stamp");
                rows[0]++;
            }, PastAvailability.AGGREGATE_TYPE, "hotel.booking.api.RoomRegistered", "hotel.booking.api.RoomReserved",
                    "hotel.booking.api.RoomReleased", "hotel.booking.api.StayChanged", "hotel.booking.api.StayMovedIn",
                    "hotel.booking.api.RoomHeld", "hotel.booking.api.NightsBlocked", "hotel.booking.api.BlockLifted",
                    asOf.toString()));
            millis[run] = Duration.ofNanos(System.nanoTime() - start).toMillis();
        }
        long[] timed = Arrays.copyOfRange(millis, 1, runs + 1);
        Arrays.sort(timed);
        System.out.printf("%-45s %,d rows: median %d ms, min %d ms, max %d ms%n", "the rows alone, not folded", rows[0],
                timed[runs / 2], timed[0], timed[runs - 1]);
    }

    private static void time(PastAvailability past, int runs, String what, Instant asOf, int nights) {
        AvailabilityQuery query = new AvailabilityQuery(SeededHistory.FIRST_NIGHT,
                SeededHistory.FIRST_NIGHT.plusDays(nights), null, null);
        past.at(asOf, query);
        long[] millis = new long[runs];
        AvailabilityAsOf answer = null;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            answer = past.at(asOf, query);
            millis[run] = Duration.ofNanos(System.nanoTime() - start).toMillis();
        }
        Arrays.sort(millis);
        System.out.printf("%-45s rooms %d, last position %,d: median %d ms, min %d ms, max %d ms (%d runs after one warm-up)%n",
                what, answer.rooms().size(), answer.position(), millis[runs / 2], millis[0], millis[runs - 1], runs);
    }
}
