package hotel.booking.command.room;

import hotel.booking.api.ChangeStay;
import hotel.booking.api.Guest;
import hotel.booking.api.MoveRequested;
import hotel.booking.api.RateOverride;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.ReleaseRoom;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.RoomRateSet;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.api.StayChanged;
import hotel.booking.api.Tariff;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static hotel.booking.command.room.RoomRatesTest.rejectedWith;

/** New dates in the same room: one decision, one event, no moment without a stay. */
class RoomStayChangeTest {

    private static final BigDecimal BASE = new BigDecimal("100.00");
    private static final Guest ADA = new Guest("Ada Lovelace", "ada@example.com");
    private static final Guest BOB = new Guest("Bob", "bob@example.com");
    private static final RoomRegistered ROOM_101 = new RoomRegistered("101", RoomType.DOUBLE, 2, BASE);
    private static final RateOverride HIGH_SEASON = new RateOverride(LocalDate.parse("2031-01-05"),
            LocalDate.parse("2031-02-01"), new BigDecimal("150.00"), null);

    private final UUID ada = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private FixtureConfiguration<Room> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Room.class);
        fixture.registerCommandHandlerInterceptor(new RoomRuleTranslator());
    }

    private static Stay stay(String checkIn, String checkOut) {
        return new Stay(LocalDate.parse(checkIn), LocalDate.parse(checkOut));
    }

    private static RoomReserved reserved(UUID id, Stay stay, Guest guest) {
        return new RoomReserved("101", id, stay, new Tariff(BASE, List.of()).price(stay), guest);
    }

    @Test
    void newDatesAreOneEventWithTheOldAndNewStayAndTheNewPriceFromTheRatesNow() {
        Stay before = stay("2031-01-01", "2031-01-04");
        Stay after = stay("2031-01-03", "2031-01-07");
        var price = new Tariff(BASE, List.of(HIGH_SEASON)).price(after);

        fixture.given(ROOM_101, new RoomRateSet("101", HIGH_SEASON), reserved(ada, before, ADA))
               .when(new ChangeStay("101", ada, after))
               .expectEvents(new StayChanged("101", ada, before, after, price))
               .expectResultMessagePayload(new BigDecimal("500.00"));
    }

    @Test
    void theNewStayMayShareNightsWithTheOldOne() {
        Stay before = stay("2031-01-01", "2031-01-04");
        Stay longer = stay("2031-01-01", "2031-01-05");

        fixture.given(ROOM_101, reserved(ada, before, ADA))
               .when(new ChangeStay("101", ada, longer))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(new BigDecimal("400.00"));
    }

    @Test
    void nightsOfAnotherGuestAreAConflictAndTheOldStayIsKept() {
        Stay before = stay("2031-01-01", "2031-01-04");

        fixture.given(ROOM_101, reserved(ada, before, ADA), reserved(bob, stay("2031-01-05", "2031-01-07"), BOB))
               .when(new ChangeStay("101", ada, stay("2031-01-03", "2031-01-06")))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.NIGHTS_TAKEN));
        // the old nights are still held: nobody else can take them in the meantime
        fixture.given(ROOM_101, reserved(ada, before, ADA), reserved(bob, stay("2031-01-05", "2031-01-07"), BOB))
               .when(new ReserveRoom("101", UUID.randomUUID(), stay("2031-01-02", "2031-01-03"), BOB))
               .expectExceptionDetails(rejectedWith(Rejection.NIGHTS_TAKEN));
    }

    @Test
    void afterTheChangeTheOldNightsAreFreeAndTheNewOnesTaken() {
        Stay before = stay("2031-01-01", "2031-01-04");
        Stay after = stay("2031-01-10", "2031-01-12");
        StayChanged changed = new StayChanged("101", ada, before, after, new Tariff(BASE, List.of()).price(after));

        fixture.given(ROOM_101, reserved(ada, before, ADA), changed)
               .when(new ReserveRoom("101", bob, before, BOB))
               .expectEvents(reserved(bob, before, BOB));
        fixture.given(ROOM_101, reserved(ada, before, ADA), changed)
               .when(new ReserveRoom("101", bob, stay("2031-01-11", "2031-01-13"), BOB))
               .expectExceptionDetails(rejectedWith(Rejection.NIGHTS_TAKEN));
        fixture.given(ROOM_101, reserved(ada, before, ADA), changed)
               .when(new ReleaseRoom("101", ada, ReleaseReason.CANCELLED_BY_GUEST))
               .expectEvents(new RoomReleased("101", ada, after, ReleaseReason.CANCELLED_BY_GUEST));
    }

    @Test
    void theSameDatesChangeNothing() {
        Stay before = stay("2031-01-01", "2031-01-04");

        fixture.given(ROOM_101, reserved(ada, before, ADA))
               .when(new ChangeStay("101", ada, before))
               .expectNoEvents()
               .expectResultMessagePayload(new BigDecimal("300.00"));
    }

    @Test
    void theNewStayFollowsTheRulesOfAnyStay() {
        fixture.given(ROOM_101, reserved(ada, stay("2031-01-01", "2031-01-04"), ADA))
               .when(new ChangeStay("101", ada, stay("2031-01-01", "2031-03-01")))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.STAY_TOO_LONG));
        fixture.given(ROOM_101, reserved(ada, stay("2031-01-01", "2031-01-04"), ADA))
               .when(new ChangeStay("101", ada, stay("2031-01-04", "2031-01-02")))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.INVALID_STAY));
    }

    @Test
    void aReleasedOrUnknownReservationCannotChange() {
        Stay before = stay("2031-01-01", "2031-01-04");

        fixture.given(ROOM_101, reserved(ada, before, ADA),
                       new RoomReleased("101", ada, before, ReleaseReason.CANCELLED_BY_GUEST))
               .when(new ChangeStay("101", ada, stay("2031-01-05", "2031-01-06")))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.RESERVATION_ALREADY_RELEASED));
        fixture.given(ROOM_101)
               .when(new ChangeStay("101", ada, before))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.RESERVATION_NOT_FOUND));
    }

    @Test
    void aReservationOnItsWayToAnotherRoomCannotChangeDates() {
        Stay before = stay("2031-01-01", "2031-01-04");

        fixture.given(ROOM_101, reserved(ada, before, ADA),
                       new MoveRequested("101", ada, before, "102", UUID.randomUUID(), ADA))
               .when(new ChangeStay("101", ada, stay("2031-01-02", "2031-01-04")))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.RESERVATION_BEING_MOVED));
    }
}
