package hotel.booking.command.room;

import hotel.booking.api.ChangeStay;
import hotel.booking.api.ConfirmHold;
import hotel.booking.api.Guest;
import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.HoldRoom;
import hotel.booking.api.MoveRequested;
import hotel.booking.api.RateOverride;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.ReleaseRoom;
import hotel.booking.api.RequestMove;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomRateSet;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayPrice;
import hotel.booking.api.Tariff;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

class RoomHoldTest {

    private static final BigDecimal RATE = new BigDecimal("100.00");
    private static final Guest ADA = new Guest("Ada Lovelace", "ada@example.com");
    private static final Guest BOB = new Guest("Bob", "bob@example.com");
    private static final RoomRegistered ROOM_101 = new RoomRegistered("101", RoomType.DOUBLE, 2, RATE);
    private static final Stay STAY = new Stay(LocalDate.parse("2031-01-02"), LocalDate.parse("2031-01-04"));
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    /** What a quote gives for STAY: two nights at the room's rate. */
    private static final StayPrice PRICE = new Tariff(RATE, List.of()).price(STAY);

    private final UUID hold = UUID.randomUUID();
    private AggregateTestFixture<Room> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Room.class);
        fixture.registerCommandHandlerInterceptor(new RoomRuleTranslator());
    }

    private Instant expiry() {
        return fixture.currentTime().plus(TEN_MINUTES);
    }

    private RoomHeld held(Instant expiresAt) {
        return new RoomHeld("101", hold, STAY, PRICE, expiresAt, ADA);
    }

    private static Matcher<Object> rejectedWith(Rejection rejection) {
        return new CustomTypeSafeMatcher<>("rejected with " + rejection) {
            @Override
            protected boolean matchesSafely(Object details) {
                return details instanceof RejectionDetails d && d.rejection() == rejection;
            }
        };
    }

    @Test
    void aHoldTakesTheNightsAndSetsItsDeadline() {
        Instant expiresAt = expiry();
        fixture.given(ROOM_101)
               .when(new HoldRoom("101", hold, STAY, ADA, expiresAt))
               .expectEvents(held(expiresAt))
               .expectResultMessagePayload(new BigDecimal("200.00"))
               .expectScheduledDeadline(TEN_MINUTES, new HoldExpiry(hold));
    }

    @Test
    void aHeldNightCannotBeBookedByAnother() {
        fixture.given(ROOM_101, held(expiry()))
               .when(new ReserveRoom("101", UUID.randomUUID(), STAY, BOB))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.NIGHTS_TAKEN));
    }

    @Test
    void aHoldLeftAloneIsReleasedWhenItsTimeIsUp() {
        fixture.given(ROOM_101)
               .andGivenCommands(new HoldRoom("101", hold, STAY, ADA, expiry()))
               .whenTimeElapses(TEN_MINUTES)
               .expectDeadlinesMet(new HoldExpiry(hold))
               .expectEvents(new RoomReleased("101", hold, STAY, ReleaseReason.HOLD_EXPIRED));
    }

    @Test
    void aHoldIsNotReleasedBeforeItsTime() {
        fixture.given(ROOM_101)
               .andGivenCommands(new HoldRoom("101", hold, STAY, ADA, expiry()))
               .whenTimeElapses(TEN_MINUTES.minusSeconds(1))
               .expectNoEvents()
               .expectScheduledDeadline(Duration.ofSeconds(1), new HoldExpiry(hold));
    }

    @Test
    void aHoldConfirmedInTimeIsNeverReleased() {
        Instant expiresAt = expiry();
        fixture.given(ROOM_101)
               .andGivenCommands(new HoldRoom("101", hold, STAY, ADA, expiresAt),
                       new ConfirmHold("101", hold, expiresAt.minusSeconds(1)))
               .whenTimeElapses(TEN_MINUTES)
               .expectDeadlinesMet(new HoldExpiry(hold))
               .expectNoEvents();
    }

    @Test
    void confirmingInTimeMakesAReservation() {
        Instant expiresAt = expiry();
        fixture.given(ROOM_101, held(expiresAt))
               .when(new ConfirmHold("101", hold, expiresAt.minusSeconds(1)))
               .expectEvents(new HoldConfirmed("101", hold, STAY, new BigDecimal("200.00"), PRICE.nights(),
                       StayPrice.HOTEL_CURRENCY))
               .expectResultMessagePayload(new BigDecimal("200.00"));
    }

    @Test
    void aHoldRecordsThePriceAQuoteGivesAndItsConfirmationKeepsItWhateverTheRatesSetAfterwards() {
        Instant expiresAt = expiry();
        RateOverride dearer = new RateOverride(STAY.checkIn(), STAY.checkOut(), new BigDecimal("150.00"), null);
        StayPrice quoted = new Tariff(RATE, List.of(dearer)).price(STAY);
        fixture.given(ROOM_101, new RoomRateSet("101", dearer))
               .when(new HoldRoom("101", hold, STAY, ADA, expiresAt))
               .expectEvents(new RoomHeld("101", hold, STAY, quoted, expiresAt, ADA))
               .expectResultMessagePayload(new BigDecimal("300.00"));
        fixture.given(ROOM_101, new RoomRateSet("101", dearer), new RoomHeld("101", hold, STAY, quoted, expiresAt, ADA),
                       new RoomRateSet("101", new RateOverride(STAY.checkIn(), STAY.checkOut(), RATE, null)))
               .when(new ConfirmHold("101", hold, expiresAt.minusSeconds(1)))
               .expectEvents(new HoldConfirmed("101", hold, STAY, new BigDecimal("300.00"), quoted.nights(),
                       StayPrice.HOTEL_CURRENCY))
               .expectResultMessagePayload(new BigDecimal("300.00"));
    }

    @Test
    void aHoldNotYetConfirmedKeepsItsDatesAndItsRoom() {
        Stay later = new Stay(LocalDate.parse("2031-01-03"), LocalDate.parse("2031-01-05"));
        fixture.given(ROOM_101, held(expiry()))
               .when(new ChangeStay("101", hold, later))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.HOLD_NOT_CONFIRMED));
        fixture.given(ROOM_101, held(expiry()))
               .when(new RequestMove("101", hold, "102", UUID.randomUUID()))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.HOLD_NOT_CONFIRMED));
    }

    @Test
    void aConfirmedHoldIsAReservationThatCanChangeDatesAndMove() {
        Instant expiresAt = expiry();
        Stay later = new Stay(LocalDate.parse("2031-01-03"), LocalDate.parse("2031-01-05"));
        HoldConfirmed confirmed = new HoldConfirmed("101", hold, STAY, new BigDecimal("200.00"), PRICE.nights(),
                StayPrice.HOTEL_CURRENCY);
        fixture.given(ROOM_101, held(expiresAt), confirmed)
               .when(new ChangeStay("101", hold, later))
               .expectEvents(new StayChanged("101", hold, STAY, later, new Tariff(RATE, List.of()).price(later)));
        UUID move = UUID.randomUUID();
        fixture.given(ROOM_101, held(expiresAt), confirmed)
               .when(new RequestMove("101", hold, "102", move))
               .expectEvents(new MoveRequested("101", hold, STAY, "102", move, ADA));
    }

    @Test
    void confirmingTwiceIsOneConfirmation() {
        Instant expiresAt = expiry();
        fixture.given(ROOM_101, held(expiresAt), new HoldConfirmed("101", hold, STAY, new BigDecimal("200.00")))
               .when(new ConfirmHold("101", hold, expiresAt.plusSeconds(60)))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void confirmingAtOrAfterTheExpiryIsRefused() {
        Instant expiresAt = expiry();
        fixture.given(ROOM_101, held(expiresAt))
               .when(new ConfirmHold("101", hold, expiresAt))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.HOLD_EXPIRED));
    }

    @Test
    void confirmingAHoldThatWasReleasedIsRefused() {
        Instant expiresAt = expiry();
        fixture.given(ROOM_101, held(expiresAt), new RoomReleased("101", hold, STAY, ReleaseReason.HOLD_EXPIRED))
               .when(new ConfirmHold("101", hold, expiresAt.minusSeconds(60)))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.HOLD_EXPIRED));
    }

    @Test
    void aHoldCancelledByItsGuestIsNotReleasedAgainByItsDeadline() {
        fixture.given(ROOM_101)
               .andGivenCommands(new HoldRoom("101", hold, STAY, ADA, expiry()),
                       new ReleaseRoom("101", hold, ReleaseReason.CANCELLED_BY_GUEST))
               .whenTimeElapses(TEN_MINUTES)
               .expectNoEvents();
    }

    @Test
    void theNightsOfAnExpiredHoldCanBeBookedAgain() {
        UUID other = UUID.randomUUID();
        fixture.given(ROOM_101, held(expiry()), new RoomReleased("101", hold, STAY, ReleaseReason.HOLD_EXPIRED))
               .when(new ReserveRoom("101", other, STAY, BOB))
               .expectSuccessfulHandlerExecution()
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                       org.axonframework.test.matchers.Matchers.messageWithPayload(
                               org.hamcrest.Matchers.instanceOf(hotel.booking.api.RoomReserved.class)),
                       org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aRetriedHoldHoldsOnce() {
        Instant expiresAt = expiry();
        fixture.given(ROOM_101, held(expiresAt))
               .when(new HoldRoom("101", hold, STAY, ADA, expiresAt))
               .expectNoEvents()
               .expectResultMessagePayload(new BigDecimal("200.00"));
    }
}
