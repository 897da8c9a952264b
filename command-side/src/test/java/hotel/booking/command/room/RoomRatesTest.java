package hotel.booking.command.room;

import hotel.booking.api.Guest;
import hotel.booking.api.NightPrice;
import hotel.booking.api.RateOverride;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.RoomRateSet;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.SetRoomRate;
import hotel.booking.api.Stay;
import hotel.booking.api.StayPrice;
import hotel.booking.api.Tariff;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Rates by date: staff set them, the Room prices every booking with them and records the price agreed. */
class RoomRatesTest {

    private static final BigDecimal BASE = new BigDecimal("100.00");
    private static final Guest ADA = new Guest("Ada Lovelace", "ada@example.com");
    private static final RoomRegistered ROOM_101 = new RoomRegistered("101", RoomType.DOUBLE, 2, BASE);
    /** 2031-01-03 is a Friday, 2031-01-04 a Saturday, 2031-01-05 a Sunday. */
    private static final RateOverride WEEKENDS = new RateOverride(LocalDate.parse("2031-01-01"),
            LocalDate.parse("2031-12-31"), new BigDecimal("140.00"), Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    private static final RateOverride NEW_YEAR = new RateOverride(LocalDate.parse("2031-01-01"),
            LocalDate.parse("2031-01-04"), new BigDecimal("180.00"), null);

    private final UUID id = UUID.randomUUID();
    private FixtureConfiguration<Room> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Room.class);
        fixture.registerCommandHandlerInterceptor(new RoomRuleTranslator());
    }

    private static Stay stay(String checkIn, String checkOut) {
        return new Stay(LocalDate.parse(checkIn), LocalDate.parse(checkOut));
    }

    static org.hamcrest.Matcher<Object> rejectedWith(Rejection rejection) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("rejected with " + rejection) {
            @Override
            protected boolean matchesSafely(Object details) {
                return details instanceof RejectionDetails d && d.rejection() == rejection;
            }
        };
    }

    private static NightPrice night(String date, String price) {
        return new NightPrice(LocalDate.parse(date), new BigDecimal(price));
    }

    @Test
    void staffSetARateForDatesAndItIsRecorded() {
        fixture.given(ROOM_101)
               .when(new SetRoomRate("101", WEEKENDS))
               .expectEvents(new RoomRateSet("101", WEEKENDS));
    }

    @Test
    void theSameRateSetTwiceInARowIsRecordedOnce() {
        fixture.given(ROOM_101, new RoomRateSet("101", WEEKENDS))
               .when(new SetRoomRate("101", WEEKENDS))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aRateNeedsDatesInOrderAndAPositivePrice() {
        fixture.given(ROOM_101)
               .when(new SetRoomRate("101", new RateOverride(LocalDate.parse("2031-02-01"),
                       LocalDate.parse("2031-02-01"), BASE, null)))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.INVALID_RATE));
        fixture.given(ROOM_101)
               .when(new SetRoomRate("101", new RateOverride(LocalDate.parse("2031-02-01"),
                       LocalDate.parse("2031-02-02"), BigDecimal.ZERO, null)))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.INVALID_RATE));
        fixture.given(ROOM_101)
               .when(new SetRoomRate("101", new RateOverride(LocalDate.parse("2031-02-01"),
                       LocalDate.parse("2035-02-02"), BASE, null)))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.INVALID_RATE));
    }

    @Test
    void aRateCannotBeSetForARoomThatDoesNotExist() {
        fixture.givenNoPriorActivity()
               .when(new SetRoomRate("101", WEEKENDS))
               .expectNoEvents()
               .expectExceptionDetails(rejectedWith(Rejection.ROOM_NOT_FOUND));
    }

    @Test
    void eachNightIsPricedByTheLatestRateCoveringItAndThePriceIsRecordedNightByNight() {
        Stay stay = stay("2031-01-02", "2031-01-07");
        StayPrice expected = new StayPrice(new BigDecimal("740.00"), "EUR", List.of(
                night("2031-01-02", "180.00"), night("2031-01-03", "180.00"), night("2031-01-04", "140.00"),
                night("2031-01-05", "140.00"), night("2031-01-06", "100.00")));

        fixture.given(ROOM_101, new RoomRateSet("101", WEEKENDS), new RoomRateSet("101", NEW_YEAR))
               .when(new ReserveRoom("101", id, stay, ADA))
               .expectEvents(new RoomReserved("101", id, stay, expected, ADA))
               .expectResultMessagePayload(new BigDecimal("740.00"));
    }

    @Test
    void aLaterRateWinsOverAnEarlierOneForTheNightsTheyShare() {
        RateOverride januarySale = new RateOverride(LocalDate.parse("2031-01-01"), LocalDate.parse("2031-02-01"),
                new BigDecimal("90.00"), null);
        Stay weekend = stay("2031-01-04", "2031-01-06");

        fixture.given(ROOM_101, new RoomRateSet("101", WEEKENDS), new RoomRateSet("101", januarySale))
               .when(new ReserveRoom("101", id, weekend, ADA))
               .expectResultMessagePayload(new BigDecimal("180.00"));
    }

    /** The quote is the Room's own Tariff over the same events: what it says is what the booking records. */
    @Test
    void theQuoteFromTheSameEventsEqualsThePriceRecorded() {
        List<RateOverride> set = List.of(WEEKENDS, NEW_YEAR, new RateOverride(LocalDate.parse("2031-01-05"),
                LocalDate.parse("2031-01-20"), new BigDecimal("75.50"), Set.of(DayOfWeek.MONDAY, DayOfWeek.SUNDAY)));
        Tariff quoted = new Tariff(BASE, set);
        Stay stay = stay("2031-01-01", "2031-01-21");
        AtomicReference<RoomReserved> recorded = new AtomicReference<>();

        List<Object> history = new java.util.ArrayList<>(List.of(ROOM_101));
        set.forEach(rate -> history.add(new RoomRateSet("101", rate)));
        fixture.given(history)
               .when(new ReserveRoom("101", id, stay, ADA))
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                       org.axonframework.test.matchers.Matchers.exactSequenceOf(
                               new org.hamcrest.CustomTypeSafeMatcher<>("a booking") {
                                   @Override
                                   protected boolean matchesSafely(Object payload) {
                                       recorded.set((RoomReserved) payload);
                                       return true;
                                   }
                               })));

        StayPrice quote = quoted.price(stay);
        assertThat(recorded.get().totalPrice()).isEqualByComparingTo(quote.total());
        assertThat(recorded.get().nightlyPrices()).isEqualTo(quote.nights());
        assertThat(recorded.get().currency()).isEqualTo(quote.currency());
        assertThat(quote.total()).isNotEqualByComparingTo(BASE.multiply(BigDecimal.valueOf(stay.nights())));
    }
}
