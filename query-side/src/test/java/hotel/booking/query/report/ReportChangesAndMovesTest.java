package hotel.booking.query.report;

import hotel.booking.api.Guest;
import hotel.booking.api.NightPrice;
import hotel.booking.api.RateOverride;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;
import hotel.booking.api.Tariff;
import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Revenue from the prices recorded night by night, through new dates and moves. */
class ReportChangesAndMovesTest {

    private static final LocalDate JAN_1 = LocalDate.parse("2031-01-01");
    private static final Instant BOOKED = Instant.parse("2030-12-01T10:00:00Z");

    private ReportProjection projection;
    private OccupancyReports occupancy;
    private CancellationReports cancellations;
    private final UUID id = UUID.randomUUID();

    @BeforeEach
    void database() {
        DataSource dataSource = TestPostgres.migratedDataSource();
        projection = new ReportProjection(new JdbcTemplate(dataSource), ZoneOffset.UTC);
        occupancy = new OccupancyReports(JdbcClient.create(dataSource));
        cancellations = new CancellationReports(JdbcClient.create(dataSource));
        projection.on(new RoomRegistered("101", RoomType.DOUBLE, 2, new BigDecimal("100.00")), BOOKED);
        projection.on(new RoomRegistered("102", RoomType.SUITE, 3, new BigDecimal("200.00")), BOOKED);
    }

    private List<BigDecimal> revenue(int nights) {
        return occupancy.handle(new ReportOccupancy(new DateRange(JAN_1, JAN_1.plusDays(nights)))).nights().stream()
                        .map(NightOccupancy::revenue).toList();
    }

    private List<Integer> sold(int nights) {
        return occupancy.handle(new ReportOccupancy(new DateRange(JAN_1, JAN_1.plusDays(nights)))).nights().stream()
                        .map(NightOccupancy::roomsSold).toList();
    }

    @Test
    void eachNightEarnsThePriceRecordedForIt() {
        Stay stay = new Stay(JAN_1, JAN_1.plusDays(3));
        var price = new Tariff(new BigDecimal("100.00"), List.of(new RateOverride(JAN_1.plusDays(1), JAN_1.plusDays(2),
                new BigDecimal("250.00"), null))).price(stay);

        projection.on(new RoomReserved("101", id, stay, price, new Guest("Ada", "a@b.cd")), BOOKED);

        assertThat(revenue(3)).containsExactly(new BigDecimal("100.00"), new BigDecimal("250.00"),
                new BigDecimal("100.00"));
    }

    @Test
    void newDatesSellTheNewNightsAtTheirNewPricesOnly() {
        Stay stay = new Stay(JAN_1, JAN_1.plusDays(2));
        projection.on(new RoomReserved("101", id, stay, new BigDecimal("200.00"), new Guest("Ada", "a@b.cd")), BOOKED);
        Stay later = new Stay(JAN_1.plusDays(1), JAN_1.plusDays(4));

        projection.on(new StayChanged("101", id, stay, later, new BigDecimal("330.00"),
                List.of(new NightPrice(later.checkIn(), new BigDecimal("110.00")),
                        new NightPrice(later.checkIn().plusDays(1), new BigDecimal("110.00")),
                        new NightPrice(later.checkIn().plusDays(2), new BigDecimal("110.00"))), "EUR"));

        assertThat(sold(4)).containsExactly(0, 1, 1, 1);
        assertThat(revenue(4)).containsExactly(new BigDecimal("0.00"), new BigDecimal("110.00"),
                new BigDecimal("110.00"), new BigDecimal("110.00"));
    }

    @Test
    void aMovedReservationSellsItsNightsInTheNewRoomAtItsPriceAndIsNoCancellation() {
        Stay stay = new Stay(JAN_1, JAN_1.plusDays(2));
        projection.on(new RoomReserved("101", id, stay, new BigDecimal("200.00"), new Guest("Ada", "a@b.cd")), BOOKED);
        projection.on(new StayMovedIn("102", id, stay, new Tariff(new BigDecimal("200.00"), List.of()).price(stay),
                "101", UUID.randomUUID(), null));
        projection.on(new RoomReleased("101", id, stay, ReleaseReason.MOVED), BOOKED.plusSeconds(61));

        assertThat(sold(2)).containsExactly(1, 1);
        assertThat(revenue(2)).containsExactly(new BigDecimal("200.00"), new BigDecimal("200.00"));
        var day = cancellations.handle(new ReportCancellations(new DateRange(LocalDate.parse("2030-12-01"),
                LocalDate.parse("2030-12-02")))).days().get(0);
        assertThat(day.bookings()).isEqualTo(1);
        assertThat(day.cancellations()).isZero();
        assertThat(day.byReason()).doesNotContainKey(ReleaseReason.MOVED);
    }

    @Test
    void anUndoneMoveSellsTheOldNightsOnly() {
        Stay stay = new Stay(JAN_1, JAN_1.plusDays(2));
        projection.on(new RoomReserved("101", id, stay, new BigDecimal("200.00"), new Guest("Ada", "a@b.cd")), BOOKED);
        projection.on(new StayMovedIn("102", id, stay, new Tariff(new BigDecimal("200.00"), List.of()).price(stay),
                "101", UUID.randomUUID(), null));
        projection.on(new RoomReleased("102", id, stay, ReleaseReason.MOVE_UNDONE), BOOKED.plusSeconds(61));

        assertThat(sold(2)).containsExactly(1, 1);
        assertThat(revenue(2)).containsExactly(new BigDecimal("100.00"), new BigDecimal("100.00"));
    }
}
