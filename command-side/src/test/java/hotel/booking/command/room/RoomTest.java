package hotel.booking.command.room;

import hotel.booking.api.Guest;
import hotel.booking.api.RegisterRoom;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.ReleaseRoom;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.Stay;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RoomTest {

    private static final BigDecimal RATE = new BigDecimal("100.00");
    private static final Guest ADA = new Guest("Ada Lovelace", "ada@example.com");
    private static final Guest BOB = new Guest("Bob", "bob@example.com");
    private static final RoomRegistered ROOM_101 = new RoomRegistered("101", RoomType.DOUBLE, 2, RATE);

    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
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
        return new RoomReserved("101", id, stay, new hotel.booking.api.Tariff(RATE, java.util.List.of()).price(stay), guest);
    }

    private static org.hamcrest.Matcher<Object> rejectedWith(Rejection rejection) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("rejected with " + rejection) {
            @Override
            protected boolean matchesSafely(Object details) {
                return details instanceof RejectionDetails d && d.rejection() == rejection;
            }
        };
    }

    @Test
    void aRoomIsRegisteredOnce() {
        fixture.givenNoPriorActivity()
               .when(new RegisterRoom("101", RoomType.DOUBLE, 2, RATE))
               .expectEvents(ROOM_101);

        fixture.given(ROOM_101)
               .when(new RegisterRoom("101", RoomType.SUITE, 3, RATE))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.ROOM_ALREADY_REGISTERED));
    }

    @Test
    void aRoomNeedsRoomForAGuestAndAPositiveRate() {
        fixture.givenNoPriorActivity()
               .when(new RegisterRoom("101", RoomType.DOUBLE, 0, RATE))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.INVALID_ROOM));
        fixture.givenNoPriorActivity()
               .when(new RegisterRoom("101", RoomType.DOUBLE, 2, BigDecimal.ZERO))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.INVALID_ROOM));
    }

    @Test
    void freeNightsAreReservedAtTheRoomsRate() {
        Stay stay = stay("2031-01-01", "2031-01-04");

        fixture.given(ROOM_101)
               .when(new ReserveRoom("101", first, stay, ADA))
               .expectEvents(reserved(first, stay, ADA))
               .expectResultMessagePayload(new BigDecimal("300.00"));
    }

    @Test
    void checkOutMustBeAfterCheckIn() {
        fixture.given(ROOM_101)
               .when(new ReserveRoom("101", first, stay("2031-01-04", "2031-01-04"), ADA))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.INVALID_STAY));
        fixture.given(ROOM_101)
               .when(new ReserveRoom("101", first, stay("2031-01-04", "2031-01-01"), ADA))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.INVALID_STAY));
    }

    @Test
    void aStayIsAtMostThirtyNights() {
        fixture.given(ROOM_101)
               .when(new ReserveRoom("101", first, stay("2031-01-01", "2031-01-31"), ADA))
               .expectSuccessfulHandlerExecution();
        fixture.given(ROOM_101)
               .when(new ReserveRoom("101", first, stay("2031-01-01", "2031-02-01"), ADA))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.STAY_TOO_LONG));
    }

    @Test
    void noNightIsReservedTwice() {
        fixture.given(ROOM_101, reserved(first, stay("2031-01-01", "2031-01-04"), ADA))
               .when(new ReserveRoom("101", second, stay("2031-01-03", "2031-01-06"), BOB))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.NIGHTS_TAKEN));
    }

    @Test
    void aStayInsideAnotherIsRefusedToo() {
        fixture.given(ROOM_101, reserved(first, stay("2031-01-01", "2031-01-10"), ADA))
               .when(new ReserveRoom("101", second, stay("2031-01-04", "2031-01-05"), BOB))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.NIGHTS_TAKEN));
    }

    @Test
    void theNextGuestMayCheckInTheDayTheLastChecksOut() {
        Stay next = stay("2031-01-04", "2031-01-06");

        fixture.given(ROOM_101, reserved(first, stay("2031-01-01", "2031-01-04"), ADA))
               .when(new ReserveRoom("101", second, next, BOB))
               .expectEvents(reserved(second, next, BOB));
    }

    @Test
    void aRetriedBookingWithTheSameDetailsSucceedsWithoutBookingAgain() {
        Stay stay = stay("2031-01-01", "2031-01-04");

        fixture.given(ROOM_101, reserved(first, stay, ADA))
               .when(new ReserveRoom("101", first, stay, ADA))
               .expectNoEvents()
               .expectResultMessagePayload(new BigDecimal("300.00"));
    }

    @Test
    void aRetryIsRecognisedWhenTheEventsHoldTheGuestSealedOrErased() {
        Stay stay = stay("2031-01-01", "2031-01-04");
        Guest ada = Guest.identified("ada-id", "Ada Lovelace", "ada@example.com");

        fixture.given(ROOM_101, reserved(first, stay, ada))
               .when(new ReserveRoom("101", first, stay, ada))
               .expectNoEvents()
               .expectResultMessagePayload(new BigDecimal("300.00"));
        fixture.given(ROOM_101, reserved(first, stay, Guest.erased("ada-id")))
               .when(new ReserveRoom("101", first, stay, ada))
               .expectNoEvents()
               .expectResultMessagePayload(new BigDecimal("300.00"));
        fixture.given(ROOM_101, reserved(first, stay, Guest.erased("ada-id")))
               .when(new ReserveRoom("101", first, stay, Guest.identified("bob-id", "Ada Lovelace", "bob@example.com")))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.RESERVATION_ID_CONFLICT));
        fixture.given(ROOM_101, reserved(first, stay, ada))
               .when(new ReserveRoom("101", first, stay, Guest.identified("ada-id", "Ada King", "ada@example.com")))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.RESERVATION_ID_CONFLICT));
    }

    @Test
    void aReservationIdReusedWithOtherDetailsIsAConflict() {
        Stay stay = stay("2031-01-01", "2031-01-04");

        fixture.given(ROOM_101, reserved(first, stay, ADA))
               .when(new ReserveRoom("101", first, stay("2031-02-01", "2031-02-04"), ADA))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.RESERVATION_ID_CONFLICT));
        fixture.given(ROOM_101, reserved(first, stay, ADA))
               .when(new ReserveRoom("101", first, stay, BOB))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.RESERVATION_ID_CONFLICT));
    }

    @Test
    void aReleasedReservationIsNotBookedAgainByARetry() {
        Stay stay = stay("2031-01-01", "2031-01-04");

        fixture.given(ROOM_101, reserved(first, stay, ADA),
                      new RoomReleased("101", first, stay, ReleaseReason.CANCELLED_BY_GUEST))
               .when(new ReserveRoom("101", first, stay, ADA))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.RESERVATION_ID_CONFLICT));
    }

    @Test
    void releasingGivesTheNightsBackWithTheReason() {
        Stay stay = stay("2031-01-01", "2031-01-04");

        fixture.given(ROOM_101, reserved(first, stay, ADA))
               .when(new ReleaseRoom("101", first, ReleaseReason.CANCELLED_BY_STAFF))
               .expectEvents(new RoomReleased("101", first, stay, ReleaseReason.CANCELLED_BY_STAFF));
    }

    @Test
    void releasedNightsCanBeBookedAgain() {
        Stay stay = stay("2031-01-01", "2031-01-04");

        fixture.given(ROOM_101, reserved(first, stay, ADA),
                      new RoomReleased("101", first, stay, ReleaseReason.CANCELLED_BY_GUEST))
               .when(new ReserveRoom("101", second, stay, BOB))
               .expectEvents(reserved(second, stay, BOB));
    }

    @Test
    void aReservationIsReleasedOnce() {
        Stay stay = stay("2031-01-01", "2031-01-04");

        fixture.given(ROOM_101, reserved(first, stay, ADA),
                      new RoomReleased("101", first, stay, ReleaseReason.CANCELLED_BY_GUEST))
               .when(new ReleaseRoom("101", first, ReleaseReason.CANCELLED_BY_GUEST))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.RESERVATION_ALREADY_RELEASED));
    }

    @Test
    void anUnknownReservationCannotBeReleased() {
        fixture.given(ROOM_101)
               .when(new ReleaseRoom("101", first, ReleaseReason.CANCELLED_BY_GUEST))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.RESERVATION_NOT_FOUND));
    }

    @Test
    void anUnknownRoomCannotBeBooked() {
        fixture.givenNoPriorActivity()
               .when(new ReserveRoom("999", first, stay("2031-01-01", "2031-01-04"), ADA))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.ROOM_NOT_FOUND));
    }

    @Test
    void staysLongOverAreForgottenSoTheStateStaysSmall() {
        Instant bookedAt = Instant.parse("2030-01-01T10:00:00Z");
        Instant monthsLater = bookedAt.plus(Duration.ofDays(2 + Bookings.RETAINED_DAYS + 1));
        UUID third = UUID.randomUUID();

        fixture.givenCurrentTime(bookedAt)
               .andGiven(ROOM_101, reserved(first, stay("2030-01-01", "2030-01-03"), ADA))
               .andGivenCurrentTime(monthsLater)
               .andGiven(reserved(second, stay("2030-03-01", "2030-03-02"), BOB))
               .when(new ReserveRoom("101", third, stay("2030-03-05", "2030-03-06"), BOB))
               .expectSuccessfulHandlerExecution()
               .expectState(room -> assertThat(room).extracting("bookings")
                       .satisfies(b -> {
                           assertThat(((Bookings) b).find(first)).isEmpty();
                           assertThat(((Bookings) b).size()).isEqualTo(2);
                       }));
    }
}
