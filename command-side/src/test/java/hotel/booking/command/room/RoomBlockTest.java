package hotel.booking.command.room;

import hotel.booking.api.BlockLifted;
import hotel.booking.api.BlockNights;
import hotel.booking.api.Guest;
import hotel.booking.api.HoldRoom;
import hotel.booking.api.LiftBlock;
import hotel.booking.api.NightsBlocked;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.api.Tariff;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

class RoomBlockTest {

    private static final BigDecimal RATE = new BigDecimal("100.00");
    private static final Guest ADA = new Guest("Ada Lovelace", "ada@example.com");
    private static final RoomRegistered ROOM_101 = new RoomRegistered("101", RoomType.DOUBLE, 2, RATE);

    private final UUID block = UUID.randomUUID();
    private final UUID booking = UUID.randomUUID();
    private FixtureConfiguration<Room> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Room.class);
        fixture.registerCommandHandlerInterceptor(new RoomRuleTranslator());
    }

    private static Stay nights(String from, String to) {
        return new Stay(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
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
    void freeNightsAreBlocked() {
        Stay maintenance = nights("2031-01-02", "2031-01-05");
        fixture.given(ROOM_101)
               .when(new BlockNights("101", block, maintenance, "new carpet"))
               .expectEvents(new NightsBlocked("101", block, maintenance, "new carpet"))
               .expectResultMessagePayload(List.of());
    }

    @Test
    void bookedNightsInTheWayAreReportedAndNothingIsBlocked() {
        Stay booked = nights("2031-01-01", "2031-01-04");
        fixture.given(ROOM_101, new RoomReserved("101", booking, booked, new BigDecimal("300.00"), ADA))
               .when(new BlockNights("101", block, nights("2031-01-03", "2031-01-06"), "leak"))
               .expectNoEvents()
               .expectResultMessagePayload(List.of(new NightsInTheWay(booking, day("2031-01-01"),
                       day("2031-01-04"), List.of(day("2031-01-03")))));
    }

    @Test
    void aHoldInTheWayIsReportedToo() {
        UUID hold = UUID.randomUUID();
        fixture.given(ROOM_101, new RoomHeld("101", hold, nights("2031-01-05", "2031-01-07"),
                       new BigDecimal("200.00"), Instant.parse("2031-01-01T00:10:00Z"), ADA))
               .when(new BlockNights("101", block, nights("2031-01-01", "2031-01-10"), "paint"))
               .expectNoEvents()
               .expectResultMessagePayload(List.of(new NightsInTheWay(hold, day("2031-01-05"),
                       day("2031-01-07"), List.of(day("2031-01-05"), day("2031-01-06")))));
    }

    @Test
    void blockedNightsCannotBeBookedOrHeld() {
        NightsBlocked blocked = new NightsBlocked("101", block, nights("2031-01-02", "2031-01-05"), "paint");
        fixture.given(ROOM_101, blocked)
               .when(new ReserveRoom("101", booking, nights("2031-01-04", "2031-01-06"), ADA))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.NIGHTS_TAKEN));
        fixture.given(ROOM_101, blocked)
               .when(new HoldRoom("101", booking, nights("2031-01-01", "2031-01-03"), ADA,
                       Instant.parse("2031-01-01T00:10:00Z")))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.NIGHTS_TAKEN));
    }

    @Test
    void liftedNightsCanBeBookedAgain() {
        Stay maintenance = nights("2031-01-02", "2031-01-05");
        fixture.given(ROOM_101, new NightsBlocked("101", block, maintenance, "paint"))
               .when(new LiftBlock("101", block))
               .expectEvents(new BlockLifted("101", block, maintenance));
        fixture.given(ROOM_101, new NightsBlocked("101", block, maintenance, "paint"),
                       new BlockLifted("101", block, maintenance))
               .when(new ReserveRoom("101", booking, maintenance, ADA))
               .expectEvents(new RoomReserved("101", booking, maintenance,
                       new Tariff(RATE, List.of()).price(maintenance), ADA));
    }

    @Test
    void aBlockIsLiftedOnceAndAReservationIsNoBlock() {
        Stay maintenance = nights("2031-01-02", "2031-01-05");
        fixture.given(ROOM_101, new NightsBlocked("101", block, maintenance, "paint"),
                       new BlockLifted("101", block, maintenance))
               .when(new LiftBlock("101", block))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.BLOCK_NOT_FOUND));
        fixture.given(ROOM_101, new RoomReserved("101", booking, maintenance,
                       new Tariff(RATE, List.of()).price(maintenance), ADA))
               .when(new LiftBlock("101", booking))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.BLOCK_NOT_FOUND));
    }

    @Test
    void aBlockIsNoHoldToConfirm() {
        fixture.given(ROOM_101, new NightsBlocked("101", block, nights("2031-01-02", "2031-01-05"), "paint"))
               .when(new hotel.booking.api.ConfirmHold("101", block, Instant.parse("2031-01-01T00:00:00Z")))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.RESERVATION_NOT_FOUND));
    }

    @Test
    void aBlockMustEndAfterItStarts() {
        fixture.given(ROOM_101)
               .when(new BlockNights("101", block, nights("2031-01-05", "2031-01-05"), "paint"))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.INVALID_STAY));
    }
}
