package hotel.booking.command.room;

import hotel.booking.api.ChangeStay;
import hotel.booking.api.CompleteMove;
import hotel.booking.api.FailMove;
import hotel.booking.api.Guest;
import hotel.booking.api.MoveFailed;
import hotel.booking.api.MoveRequested;
import hotel.booking.api.RateOverride;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.ReleaseRoom;
import hotel.booking.api.RequestMove;
import hotel.booking.api.ReserveMovedStay;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.RoomRateSet;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.api.StayMovedIn;
import hotel.booking.api.Tariff;
import hotel.booking.api.UndoMoveIn;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static hotel.booking.command.room.RoomRatesTest.rejectedWith;

/** Each room's part in a move: the old room asks and lets go last, the new room takes the nights first. */
class RoomMoveTest {

    private static final Guest ADA = new Guest("Ada Lovelace", "ada@example.com");
    private static final Guest BOB = new Guest("Bob", "bob@example.com");
    private static final RoomRegistered ROOM_101 = new RoomRegistered("101", RoomType.DOUBLE, 2, new BigDecimal("100.00"));
    private static final RoomRegistered ROOM_102 = new RoomRegistered("102", RoomType.SUITE, 3, new BigDecimal("200.00"));
    private static final Stay STAY = new Stay(LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-04"));

    private final UUID ada = UUID.randomUUID();
    private final UUID move = UUID.randomUUID();
    private final RoomReserved adaIn101 = new RoomReserved("101", ada, STAY, new BigDecimal("300.00"), ADA);
    private final MoveRequested requested = new MoveRequested("101", ada, STAY, "102", move, ADA);
    private FixtureConfiguration<Room> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Room.class);
        fixture.registerCommandHandlerInterceptor(new RoomRuleTranslator());
    }

    @Test
    void theRoomHoldingTheReservationRecordsTheRequestWithItsStay() {
        fixture.given(ROOM_101, adaIn101)
               .when(new RequestMove("101", ada, "102", move))
               .expectEvents(requested);
    }

    @Test
    void aMoveToTheSameRoomOrASecondMoveAtOnceIsRefused() {
        fixture.given(ROOM_101, adaIn101)
               .when(new RequestMove("101", ada, "101", move))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.ALREADY_IN_ROOM));
        fixture.given(ROOM_101, adaIn101, requested)
               .when(new RequestMove("101", ada, "103", UUID.randomUUID()))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.RESERVATION_BEING_MOVED));
    }

    @Test
    void theNewRoomTakesTheNightsAtItsOwnRates() {
        RateOverride suiteSale = new RateOverride(STAY.checkIn(), STAY.checkIn().plusDays(1), new BigDecimal("150.00"),
                null);
        var price = new Tariff(new BigDecimal("200.00"), List.of(suiteSale)).price(STAY);

        fixture.given(ROOM_102, new RoomRateSet("102", suiteSale))
               .when(new ReserveMovedStay("102", ada, STAY, "101", move, ADA))
               .expectEvents(new StayMovedIn("102", ada, STAY, price, "101", move, ADA))
               .expectResultMessagePayload(new BigDecimal("550.00"));
    }

    @Test
    void theNewRoomRefusesNightsItHasAlreadySold() {
        fixture.given(ROOM_102, new RoomReserved("102", UUID.randomUUID(), STAY, new BigDecimal("600.00"), BOB))
               .when(new ReserveMovedStay("102", ada, STAY, "101", move, ADA))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.NIGHTS_TAKEN));
    }

    @Test
    void theMovedInStayHoldsItsNightsAndCanBeCancelledThere() {
        StayMovedIn movedIn = new StayMovedIn("102", ada, STAY, new Tariff(new BigDecimal("200.00"), List.of()).price(STAY),
                "101", move, ADA);

        fixture.given(ROOM_102, movedIn)
               .when(new ReserveRoom("102", UUID.randomUUID(), STAY, BOB))
               .expectExceptionDetails(rejectedWith(Rejection.NIGHTS_TAKEN));
        fixture.given(ROOM_102, movedIn)
               .when(new ReleaseRoom("102", ada, ReleaseReason.CANCELLED_BY_GUEST))
               .expectEvents(new RoomReleased("102", ada, STAY, ReleaseReason.CANCELLED_BY_GUEST));
        fixture.given(ROOM_102, movedIn)
               .when(new ReserveMovedStay("102", ada, STAY, "101", move, ADA))
               .expectNoEvents()
               .expectResultMessagePayload(new BigDecimal("600.00"));
    }

    @Test
    void theOldRoomLetsGoOnlyOfAPendingMoveWithReasonMoved() {
        fixture.given(ROOM_101, adaIn101, requested)
               .when(new CompleteMove("101", ada, move))
               .expectEvents(new RoomReleased("101", ada, STAY, ReleaseReason.MOVED));
        fixture.given(ROOM_101, adaIn101)
               .when(new CompleteMove("101", ada, move))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.NOT_BEING_MOVED));
        fixture.given(ROOM_101, adaIn101, requested,
                       new RoomReleased("101", ada, STAY, ReleaseReason.CANCELLED_BY_GUEST))
               .when(new CompleteMove("101", ada, move))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.RESERVATION_ALREADY_RELEASED));
    }

    @Test
    void theNewRoomGivesTheNightsBackWhenTheMoveIsUndone() {
        StayMovedIn movedIn = new StayMovedIn("102", ada, STAY, new Tariff(new BigDecimal("200.00"), List.of()).price(STAY),
                "101", move, ADA);

        fixture.given(ROOM_102, movedIn)
               .when(new UndoMoveIn("102", ada, move))
               .expectEvents(new RoomReleased("102", ada, STAY, ReleaseReason.MOVE_UNDONE));
    }

    @Test
    void aFailedMoveLeavesTheReservationAsItWas() {
        MoveFailed failed = new MoveFailed("101", ada, "102", move, "NIGHTS_TAKEN", "taken");

        fixture.given(ROOM_101, adaIn101, requested)
               .when(new FailMove("101", ada, move, "NIGHTS_TAKEN", "taken"))
               .expectEvents(failed);
        fixture.given(ROOM_101, adaIn101, requested, failed)
               .when(new FailMove("101", ada, move, "NIGHTS_TAKEN", "taken"))
               .expectNoEvents();
        fixture.given(ROOM_101, adaIn101, requested, failed)
               .when(new ChangeStay("101", ada, new Stay(STAY.checkIn(), STAY.checkOut().plusDays(1))))
               .expectSuccessfulHandlerExecution();
        fixture.given(ROOM_101, adaIn101, requested, failed)
               .when(new ReserveRoom("101", UUID.randomUUID(), STAY, BOB))
               .expectExceptionDetails(rejectedWith(Rejection.NIGHTS_TAKEN));
    }

    @Test
    void aReservationThatMovedOutMayMoveBackIn() {
        UUID back = UUID.randomUUID();
        StayMovedIn movedBack = new StayMovedIn("101", ada, STAY, new Tariff(new BigDecimal("100.00"), List.of()).price(STAY),
                "102", back, ADA);

        fixture.given(ROOM_101, adaIn101, requested, new RoomReleased("101", ada, STAY, ReleaseReason.MOVED))
               .when(new ReserveMovedStay("101", ada, STAY, "102", back, ADA))
               .expectEvents(movedBack);
        fixture.given(ROOM_101, adaIn101, requested, new RoomReleased("101", ada, STAY, ReleaseReason.MOVED), movedBack)
               .when(new RequestMove("101", ada, "103", UUID.randomUUID()))
               .expectSuccessfulHandlerExecution();
    }
}
