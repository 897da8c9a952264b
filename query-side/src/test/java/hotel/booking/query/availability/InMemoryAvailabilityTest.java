package hotel.booking.query.availability;

import hotel.booking.api.Guest;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.testsupport.TestPostgres;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Folding the history in memory gives the same availability as the live read model. */
class InMemoryAvailabilityTest {

    private static final LocalDate D1 = LocalDate.parse("2031-01-01");

    @Test
    void theSameEventsGiveTheSamePictureInMemoryAndInPostgres() {
        JdbcClient jdbc = JdbcClient.create(TestPostgres.migratedDataSource());
        AvailabilityProjection live = new AvailabilityProjection(new JdbcAvailabilityStore(jdbc), new ChangeFeed(jdbc));
        InMemoryAvailability memory = new InMemoryAvailability();
        AvailabilityProjection folded = memory.projection();
        Random random = new Random(42);
        List<RoomReserved> active = new ArrayList<>();
        long index = 0;
        for (int room = 0; room < 6; room++) {
            RoomRegistered registered = new RoomRegistered("10" + room, RoomType.values()[room % 5], 1 + room,
                    new BigDecimal("90.00"));
            live.on(registered, new GlobalSequenceTrackingToken(++index));
            folded.on(registered, new GlobalSequenceTrackingToken(index));
        }
        for (int i = 0; i < 300; i++) {
            var token = new GlobalSequenceTrackingToken(++index);
            if (!active.isEmpty() && random.nextInt(3) == 0) {
                RoomReserved victim = active.remove(random.nextInt(active.size()));
                RoomReleased released = new RoomReleased(victim.roomNumber(), victim.reservationId(), victim.stay(),
                        ReleaseReason.CANCELLED_BY_GUEST);
                live.on(released, token);
                folded.on(released, token);
            } else {
                LocalDate checkIn = D1.plusDays(random.nextInt(60));
                RoomReserved reserved = new RoomReserved("10" + random.nextInt(6), UUID.randomUUID(),
                        new Stay(checkIn, checkIn.plusDays(1 + random.nextInt(5))), BigDecimal.TEN,
                        new Guest("A", "a@example.com"));
                active.add(reserved);
                live.on(reserved, token);
                folded.on(reserved, token);
            }
        }

        for (AvailabilityQuery query : List.of(new AvailabilityQuery(D1, D1.plusDays(70), null, null),
                new AvailabilityQuery(D1.plusDays(10), D1.plusDays(20), RoomType.SUITE, null),
                new AvailabilityQuery(D1.minusDays(5), D1.plusDays(3), null, 3))) {
            assertThat(memory.read(query)).isEqualTo(new AvailabilityReader(jdbc).read(query));
        }
        assertThat(memory.stayCount()).isEqualTo(active.size());
    }
}
