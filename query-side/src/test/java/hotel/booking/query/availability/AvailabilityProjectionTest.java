package hotel.booking.query.availability;

import hotel.booking.api.BlockLifted;
import hotel.booking.api.Guest;
import hotel.booking.api.NightsBlocked;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.testsupport.TestPostgres;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection as a plain object on a real PostgreSQL, read back the way the queries read it. */
class AvailabilityProjectionTest {

    private static final LocalDate D1 = LocalDate.parse("2031-01-01");

    private JdbcClient jdbc;
    private ChangeFeed feed;
    private AvailabilityProjection projection;
    private AvailabilityReader reader;
    private long index;

    @BeforeEach
    void database() {
        jdbc = JdbcClient.create(TestPostgres.migratedDataSource());
        feed = new ChangeFeed(jdbc);
        projection = new AvailabilityProjection(new JdbcAvailabilityStore(jdbc), feed);
        reader = new AvailabilityReader(jdbc);
        projection.on(new RoomRegistered("101", RoomType.DOUBLE, 2, new BigDecimal("100.00")), token());
        projection.on(new RoomRegistered("102", RoomType.SUITE, 4, new BigDecimal("300.00")), token());
    }

    private GlobalSequenceTrackingToken token() {
        return new GlobalSequenceTrackingToken(++index);
    }

    private static AvailabilityQuery week() {
        return new AvailabilityQuery(D1, D1.plusDays(7), null, null);
    }

    private static RoomReserved reserved(UUID id, String room, int fromDay, int toDay) {
        return new RoomReserved(room, id, new Stay(D1.plusDays(fromDay), D1.plusDays(toDay)), BigDecimal.TEN,
                new Guest("Ada", "ada@example.com"));
    }

    private static List<Boolean> free(RoomAvailability room) {
        return room.nights().stream().map(NightAvailability::available).toList();
    }

    @Test
    void reservedNightsAreTakenAndOnlyThose() {
        projection.on(reserved(UUID.randomUUID(), "101", 2, 4), token());

        List<RoomAvailability> rooms = reader.read(week());

        assertThat(rooms).extracting(RoomAvailability::roomNumber).containsExactly("101", "102");
        assertThat(free(rooms.get(0))).containsExactly(true, true, false, false, true, true, true);
        assertThat(free(rooms.get(1))).containsOnly(true);
        assertThat(rooms.get(0).nights().get(2).date()).isEqualTo(D1.plusDays(2));
    }

    @Test
    void staysReachingOutsideTheRangeAreClipped() {
        projection.on(reserved(UUID.randomUUID(), "101", -3, 1), token());
        projection.on(reserved(UUID.randomUUID(), "101", 6, 20), token());

        assertThat(free(reader.read(week()).get(0))).containsExactly(false, true, true, true, true, true, false);
    }

    @Test
    void releasedNightsAreFreeAgain() {
        UUID id = UUID.randomUUID();
        RoomReserved reserved = reserved(id, "101", 2, 4);
        projection.on(reserved, token());
        projection.on(new RoomReleased("101", id, reserved.stay(), ReleaseReason.CANCELLED_BY_GUEST), token());

        assertThat(free(reader.read(week()).get(0))).containsOnly(true);
    }

    @Test
    void roomsAreFilteredByTypeAndGuests() {
        assertThat(reader.read(new AvailabilityQuery(D1, D1.plusDays(1), RoomType.SUITE, null)))
                .extracting(RoomAvailability::roomNumber).containsExactly("102");
        assertThat(reader.read(new AvailabilityQuery(D1, D1.plusDays(1), null, 3)))
                .extracting(RoomAvailability::roomNumber).containsExactly("102");
        assertThat(reader.read(new AvailabilityQuery(D1, D1.plusDays(1), RoomType.DOUBLE, 3))).isEmpty();
    }

    @Test
    void everyChangeGoesIntoTheFeedInTheOrderItWasApplied() {
        UUID id = UUID.randomUUID();
        RoomReserved reserved = reserved(id, "101", 2, 4);
        projection.on(reserved, token());
        projection.on(new RoomReleased("101", id, reserved.stay(), ReleaseReason.CANCELLED_BY_GUEST), token());

        List<AvailabilityChange> changes = feed.after(0);

        assertThat(changes).extracting(AvailabilityChange::kind).containsExactly(AvailabilityChange.Kind.ROOM,
                AvailabilityChange.Kind.ROOM, AvailabilityChange.Kind.NIGHTS, AvailabilityChange.Kind.NIGHTS);
        assertThat(changes).extracting(AvailabilityChange::id).isSorted().doesNotHaveDuplicates();
        assertThat(changes.get(2)).isEqualTo(new AvailabilityChange(changes.get(2).id(),
                AvailabilityChange.Kind.NIGHTS, "101", RoomType.DOUBLE, 2, null, D1.plusDays(2), D1.plusDays(4),
                false));
        assertThat(changes.get(3).available()).isTrue();
        assertThat(feed.position()).isEqualTo(changes.get(3).id());
    }

    @Test
    void anEventHandledTwiceChangesNothingTheSecondTime() {
        RoomReserved reserved = reserved(UUID.randomUUID(), "101", 2, 4);
        projection.on(reserved, token());
        long position = feed.position();

        projection.on(reserved, token());

        assertThat(feed.position()).isEqualTo(position);
        assertThat(free(reader.read(week()).get(0))).containsExactly(true, true, false, false, true, true, true);
    }

    @Test
    void aClientThatMissedChangesGetsExactlyThoseThatConcernIt() {
        long seen = feed.position();
        projection.on(reserved(UUID.randomUUID(), "101", 2, 4), token());
        projection.on(reserved(UUID.randomUUID(), "102", 2, 4), token());
        projection.on(reserved(UUID.randomUUID(), "101", 30, 31), token());

        var missed = feed.since(seen, new AvailabilityQuery(D1, D1.plusDays(7), RoomType.DOUBLE, null), 100);

        assertThat(missed).hasValueSatisfying(changes -> assertThat(changes).singleElement()
                .satisfies(change -> assertThat(change.roomNumber()).isEqualTo("101")));
    }

    @Test
    void aClientResumingFromPrunedOrUnknownChangesGetsNoReplay() {
        projection.on(reserved(UUID.randomUUID(), "101", 2, 4), token());
        long position = feed.position();

        assertThat(feed.since(position + 5, week(), 100)).as("an id the feed never had").isEmpty();
        assertThat(feed.since(position - 3, week(), 2)).as("more than worth replaying").isEmpty();

        feed.prune(Instant.now().plusSeconds(1));

        assertThat(feed.since(position - 1, week(), 100)).as("pruned").isEmpty();
        assertThat(feed.since(position, week(), 100)).hasValue(List.of());
    }

    @Test
    void aResetEmptiesTheReadModelAndEndsEveryReplay() {
        projection.on(reserved(UUID.randomUUID(), "101", 2, 4), token());
        long position = feed.position();

        projection.reset();

        assertThat(reader.read(week())).isEmpty();
        assertThat(feed.since(position - 1, week(), 100)).isEmpty();
        assertThat(feed.position()).as("positions never go back").isEqualTo(position);
    }
    @Test
    void heldNightsAreTakenUntilTheHoldIsGivenBack() {
        UUID hold = UUID.randomUUID();
        Stay stay = new Stay(D1.plusDays(1), D1.plusDays(3));
        projection.on(new RoomHeld("101", hold, stay, BigDecimal.TEN, Instant.parse("2030-12-01T10:10:00Z"),
                new Guest("Ada", "ada@example.com")), token());
        assertThat(free(reader.read(week()).get(0))).containsExactly(true, false, false, true, true, true, true);

        projection.on(new RoomReleased("101", hold, stay, ReleaseReason.HOLD_EXPIRED), token());
        assertThat(free(reader.read(week()).get(0))).containsOnly(true);
        assertThat(feed.after(0)).extracting(AvailabilityChange::available).endsWith(false, true);
    }

    @Test
    void blockedNightsAreOutOfServiceUntilLifted() {
        UUID block = UUID.randomUUID();
        Stay nights = new Stay(D1.plusDays(2), D1.plusDays(4));
        projection.on(new NightsBlocked("102", block, nights, "paint"), token());

        RoomAvailability room = reader.read(week()).get(1);
        assertThat(free(room)).containsExactly(true, true, false, false, true, true, true);
        assertThat(room.nights()).extracting(NightAvailability::status)
                                 .containsExactly(null, null, "out-of-service", "out-of-service", null, null, null);
        AvailabilityChange change = feed.after(0).get(feed.after(0).size() - 1);
        assertThat(change.kind()).isEqualTo(AvailabilityChange.Kind.BLOCKED);
        assertThat(change.isOutOfService()).isTrue();

        projection.on(new BlockLifted("102", block, nights), token());
        room = reader.read(week()).get(1);
        assertThat(free(room)).containsOnly(true);
        assertThat(room.nights()).extracting(NightAvailability::status).containsOnlyNulls();
    }

    @Test
    void theSameBlocksReadTheSameInMemory() {
        InMemoryAvailability memory = new InMemoryAvailability();
        AvailabilityProjection folded = memory.projection();
        folded.on(new RoomRegistered("101", RoomType.DOUBLE, 2, new BigDecimal("100.00")), null);
        folded.on(new NightsBlocked("101", UUID.randomUUID(), new Stay(D1, D1.plusDays(1)), "paint"), null);
        folded.on(reserved(UUID.randomUUID(), "101", 1, 2), null);

        assertThat(memory.read(week()).get(0).nights()).extracting(NightAvailability::status)
                .containsExactly("out-of-service", null, null, null, null, null, null);
        assertThat(free(memory.read(week()).get(0))).containsExactly(false, false, true, true, true, true, true);
    }
}
