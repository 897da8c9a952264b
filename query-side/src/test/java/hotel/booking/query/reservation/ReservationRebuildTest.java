package hotel.booking.query.reservation;

import hotel.booking.api.Guest;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.query.replay.EventHistory;
import hotel.booking.query.replay.ProjectionRebuilds;
import hotel.booking.testsupport.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding the reservations beside the live read model ends with the same rows. */
class ReservationRebuildTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00.123456Z");
    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void close() {
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void bookingsAndCancelsAreRebuiltAsTheLiveModelHasThem() throws Exception {
        PGSimpleDataSource database = (PGSimpleDataSource) TestPostgres.migratedDataSource();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.getURL());
        pool.setUsername(database.getUser());
        pool.setMaximumPoolSize(6);
        pools.add(pool);
        JdbcClient jdbc = JdbcClient.create(pool);
        EventHistory history = new EventHistory(pool);
        ReservationProjection live = new ReservationProjection(jdbc);
        ProjectionRebuilds rebuilds = new ProjectionRebuilds(List.of(new ReservationRebuild()), pool,
                history.serializer(), Duration.ofSeconds(10));
        Guest ada = new Guest("Ada", "ada@example.com");
        UUID kept = UUID.randomUUID(), cancelled = UUID.randomUUID();
        Stay stay = new Stay(LocalDate.parse("2031-01-02"), LocalDate.parse("2031-01-04"));
        List<EventHistory.Event> events = List.of(
                new EventHistory.Event("A0", 0, new RoomRegistered("A0", RoomType.DOUBLE, 2, BigDecimal.TEN), T0),
                new EventHistory.Event("A0", 1, new RoomReserved("A0", kept, stay, new BigDecimal("200.00"), ada,
                        null, "EUR"), T0.plusMillis(1)),
                new EventHistory.Event("A0", 2, new RoomReserved("A0", cancelled, new Stay(stay.checkOut(),
                        stay.checkOut().plusDays(1)), new BigDecimal("100.00"), ada, null, "EUR"), T0.plusMillis(2)),
                new EventHistory.Event("A0", 3, new RoomReleased("A0", cancelled, new Stay(stay.checkOut(),
                        stay.checkOut().plusDays(1)), ReleaseReason.CANCELLED_BY_GUEST), T0.plusMillis(3)));
        history.append(EventHistory.consecutive(1, events.size()), events);
        for (EventHistory.Event event : events) {
            // the live projection is fed the events as stored: the guests identified and sealed, then opened
            Object payload = history.serializer().deserialize(
                    history.serializer().serialize(event.payload(), byte[].class));
            if (payload instanceof RoomReserved reserved) {
                live.on(reserved, event.at());
            } else if (payload instanceof RoomReleased released) {
                live.on(released, event.at());
            }
        }
        history.token("reservations", 0, events.size(), new TreeSet<>());
        String liveRows = jdbc.sql("SELECT string_agg(t::text, E'\\n' ORDER BY t::text) FROM reservation_view t")
                              .query(String.class).single();
        String checksum = rebuilds.checksum("reservations");

        ProjectionRebuilds.Outcome outcome = rebuilds.start("reservations").get(60, TimeUnit.SECONDS);

        String rebuiltRows = jdbc.sql("SELECT string_agg(t::text, E'\\n' ORDER BY t::text) FROM reservation_view t")
                                 .query(String.class).single();
        assertThat(rebuiltRows).isEqualTo(liveRows);
        assertThat(outcome.checksumAfter()).isEqualTo(checksum);
    }
}
