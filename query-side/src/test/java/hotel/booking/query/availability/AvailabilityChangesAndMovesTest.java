package hotel.booking.query.availability;

import hotel.booking.api.Guest;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;
import hotel.booking.api.StayPrice;
import hotel.booking.testsupport.TestPostgres;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** New dates and moves in the availability read model and its change feed, on PostgreSQL. */
class AvailabilityChangesAndMovesTest {

    private static final LocalDate D1 = LocalDate.parse("2031-01-01");
    private static final StayPrice PRICE = new StayPrice(BigDecimal.TEN, "EUR", List.of());

    private ChangeFeed feed;
    private AvailabilityProjection projection;
    private AvailabilityReader reader;
    private long index;
    private final UUID id = UUID.randomUUID();

    @BeforeEach
    void database() {
        JdbcClient jdbc = JdbcClient.create(TestPostgres.migratedDataSource());
        feed = new ChangeFeed(jdbc);
        projection = new AvailabilityProjection(new JdbcAvailabilityStore(jdbc), feed);
        reader = new AvailabilityReader(jdbc);
        projection.on(new RoomRegistered("101", RoomType.DOUBLE, 2, new BigDecimal("100.00")), token());
        projection.on(new RoomRegistered("102", RoomType.SUITE, 4, new BigDecimal("300.00")), token());
    }

    private GlobalSequenceTrackingToken token() {
        return new GlobalSequenceTrackingToken(++index);
    }

    private static Stay nights(int fromDay, int toDay) {
        return new Stay(D1.plusDays(fromDay), D1.plusDays(toDay));
    }

    private List<Boolean> free(int room) {
        return reader.read(new AvailabilityQuery(D1, D1.plusDays(7), null, null)).get(room).nights().stream()
                     .map(NightAvailability::available).toList();
    }

    @Test
    void newDatesFreeOnlyTheNightsLeftAndTakeOnlyTheNightsAdded() {
        projection.on(new RoomReserved("101", id, nights(1, 4), BigDecimal.TEN, new Guest("Ada", "a@b.cd")), token());
        long before = feed.position();

        projection.on(new StayChanged("101", id, nights(1, 4), nights(2, 6), PRICE), token());

        assertThat(free(0)).containsExactly(true, true, false, false, false, false, true);
        List<AvailabilityChange> changes = feed.after(before);
        assertThat(changes).extracting(AvailabilityChange::from, AvailabilityChange::to, AvailabilityChange::available)
                           .containsExactly(org.assertj.core.groups.Tuple.tuple(D1.plusDays(1), D1.plusDays(2), true),
                                   org.assertj.core.groups.Tuple.tuple(D1.plusDays(4), D1.plusDays(6), false));
    }

    @Test
    void aChangeHandledTwiceChangesNothingTheSecondTime() {
        projection.on(new RoomReserved("101", id, nights(1, 4), BigDecimal.TEN, new Guest("Ada", "a@b.cd")), token());
        StayChanged changed = new StayChanged("101", id, nights(1, 4), nights(5, 6), PRICE);
        projection.on(changed, token());
        long position = feed.position();

        projection.on(changed, token());

        assertThat(feed.position()).isEqualTo(position);
        assertThat(free(0)).containsExactly(true, true, true, true, true, false, true);
    }

    @Test
    void aMovingReservationHoldsBothRoomsUntilTheOldOneReleasesIt() {
        projection.on(new RoomReserved("101", id, nights(1, 3), BigDecimal.TEN, new Guest("Ada", "a@b.cd")), token());
        projection.on(new StayMovedIn("102", id, nights(1, 3), PRICE, "101", UUID.randomUUID(), null), token());

        assertThat(free(0)).containsExactly(true, false, false, true, true, true, true);
        assertThat(free(1)).containsExactly(true, false, false, true, true, true, true);

        projection.on(new RoomReleased("101", id, nights(1, 3), ReleaseReason.MOVED), token());

        assertThat(free(0)).containsOnly(true);
        assertThat(free(1)).containsExactly(true, false, false, true, true, true, true);
    }

    @Test
    void anUndoneMoveLeavesTheOldRoomAsItWas() {
        projection.on(new RoomReserved("101", id, nights(1, 3), BigDecimal.TEN, new Guest("Ada", "a@b.cd")), token());
        projection.on(new StayMovedIn("102", id, nights(1, 3), PRICE, "101", UUID.randomUUID(), null), token());
        projection.on(new RoomReleased("102", id, nights(1, 3), ReleaseReason.MOVE_UNDONE), token());

        assertThat(free(0)).containsExactly(true, false, false, true, true, true, true);
        assertThat(free(1)).containsOnly(true);
    }

    @Test
    void thePastAsItWasFollowsNewDatesAndMovesIntoAndOutOfItsRange() {
        AvailabilityFold fold = new AvailabilityFold(new AvailabilityQuery(D1, D1.plusDays(7), null, null));
        fold.apply(new RoomRegistered("101", RoomType.DOUBLE, 2, new BigDecimal("100.00")));
        fold.apply(new RoomRegistered("102", RoomType.SUITE, 4, new BigDecimal("300.00")));
        fold.apply(new RoomReserved("101", id, nights(20, 22), BigDecimal.TEN, new Guest("Ada", "a@b.cd")));
        fold.apply(new StayChanged("101", id, nights(20, 22), nights(1, 3), PRICE));
        fold.apply(new StayMovedIn("102", id, nights(1, 3), PRICE, "101", UUID.randomUUID(), null));
        fold.apply(new RoomReleased("101", id, nights(1, 3), ReleaseReason.MOVED));

        List<RoomAvailability> rooms = fold.rooms();

        assertThat(rooms.get(0).nights()).extracting(NightAvailability::available).containsOnly(true);
        assertThat(rooms.get(1).nights()).extracting(NightAvailability::available)
                                         .containsExactly(true, false, false, true, true, true, true);
    }
}
