package hotel.booking.query.report;

import hotel.booking.api.Guest;
import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The report projection and its queries as plain objects on a real PostgreSQL. */
class ReportProjectionTest {

    private static final LocalDate JAN_1 = LocalDate.parse("2031-01-01");

    private static DataSource dataSource;
    private ReportProjection projection;
    private OccupancyReports occupancy;
    private CancellationReports cancellations;
    private LeadTimeReports leadTimes;

    @BeforeAll
    static void database() {
        dataSource = TestPostgres.migratedDataSource();
    }

    @BeforeEach
    void emptyReports() {
        new JdbcTemplate(dataSource).execute("TRUNCATE report_room, report_reservation, report_night_sold");
        inZone(ZoneOffset.UTC);
    }

    private void inZone(ZoneId zone) {
        projection = new ReportProjection(new JdbcTemplate(dataSource), zone);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        occupancy = new OccupancyReports(jdbc);
        cancellations = new CancellationReports(jdbc);
        leadTimes = new LeadTimeReports(jdbc);
    }

    private void register(String room, RoomType type, String at) {
        projection.on(new RoomRegistered(room, type, 2, new BigDecimal("100.00")), Instant.parse(at));
    }

    private RoomReserved reserve(String room, LocalDate checkIn, int nights, String price, String at) {
        RoomReserved reserved = new RoomReserved(room, UUID.randomUUID(), new Stay(checkIn, checkIn.plusDays(nights)),
                new BigDecimal(price), new Guest("Ada", "ada@example.com"));
        projection.on(reserved, Instant.parse(at));
        return reserved;
    }

    private void release(RoomReserved reserved, ReleaseReason reason, String at) {
        projection.on(new RoomReleased(reserved.roomNumber(), reserved.reservationId(), reserved.stay(), reason),
                Instant.parse(at));
    }

    private OccupancyReport occupancy(LocalDate from, LocalDate to) {
        return occupancy.handle(new ReportOccupancy(new DateRange(from, to)));
    }

    /** Two doubles and a suite from December; a single from 2 January. */
    private void aSmallHotel() {
        register("101", RoomType.DOUBLE, "2030-12-01T09:00:00Z");
        register("102", RoomType.DOUBLE, "2030-12-01T09:00:00Z");
        register("103", RoomType.SUITE, "2030-12-01T09:00:00Z");
        register("104", RoomType.SINGLE, "2031-01-02T10:00:00Z");
    }

    @Test
    void eachNightCountsTheRoomsSoldOutOfTheRoomsInServiceWithTheirRevenue() {
        aSmallHotel();
        reserve("101", JAN_1, 3, "360.00", "2030-12-20T10:00:00Z");
        reserve("103", JAN_1.plusDays(1), 1, "299.00", "2031-01-02T08:00:00Z");

        OccupancyReport report = occupancy(JAN_1, JAN_1.plusDays(4));

        assertThat(report.nights()).extracting(NightOccupancy::night)
                                   .containsExactly(JAN_1, JAN_1.plusDays(1), JAN_1.plusDays(2), JAN_1.plusDays(3));
        NightOccupancy first = report.nights().get(0);
        assertThat(first.roomsSold()).isEqualTo(1);
        assertThat(first.rooms()).as("room 104 is not in service yet").isEqualTo(3);
        assertThat(first.occupancyPercent()).isEqualByComparingTo("33.33");
        assertThat(first.revenue()).isEqualByComparingTo("120.00");
        NightOccupancy second = report.nights().get(1);
        assertThat(second.roomsSold()).isEqualTo(2);
        assertThat(second.rooms()).isEqualTo(4);
        assertThat(second.occupancyPercent()).isEqualByComparingTo("50.00");
        assertThat(second.revenue()).isEqualByComparingTo("419.00");
        assertThat(second.roomTypes()).containsExactly(
                RoomTypeOccupancy.of(RoomType.SINGLE, 0, 1, new BigDecimal("0.00")),
                RoomTypeOccupancy.of(RoomType.DOUBLE, 1, 2, new BigDecimal("120.00")),
                RoomTypeOccupancy.of(RoomType.SUITE, 1, 1, new BigDecimal("299.00")));
        assertThat(second.roomTypes().get(2).occupancyPercent()).isEqualByComparingTo("100.00");
        NightOccupancy afterTheStays = report.nights().get(3);
        assertThat(afterTheStays.roomsSold()).isZero();
        assertThat(afterTheStays.revenue()).isEqualByComparingTo("0.00");
    }

    @Test
    void theNightsOfAStayShareItsPriceToTheCent() {
        aSmallHotel();
        reserve("101", JAN_1, 3, "100.00", "2030-12-20T10:00:00Z");

        assertThat(occupancy(JAN_1, JAN_1.plusDays(3)).nights()).extracting(NightOccupancy::revenue)
                .containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));
    }

    @Test
    void aCancelledStayNoLongerSellsItsNightsAndCountsAsACancellationOnTheDayItWasCancelled() {
        aSmallHotel();
        RoomReserved cancelled = reserve("102", JAN_1, 3, "240.00", "2030-11-01T10:00:00Z");
        reserve("101", JAN_1, 1, "120.00", "2030-12-15T09:00:00Z");
        release(cancelled, ReleaseReason.CANCELLED_BY_GUEST, "2030-12-15T12:00:00Z");

        assertThat(occupancy(JAN_1, JAN_1.plusDays(3)).nights()).extracting(NightOccupancy::roomsSold)
                                                                 .containsExactly(1, 0, 0);
        CancellationReport report = cancellations.handle(new ReportCancellations(
                new DateRange(LocalDate.parse("2030-12-14"), LocalDate.parse("2030-12-16"))));
        assertThat(report.days()).hasSize(2);
        CancellationDay quiet = report.days().get(0);
        assertThat(quiet.bookings()).isZero();
        assertThat(quiet.cancellations()).isZero();
        CancellationDay day = report.days().get(1);
        assertThat(day.date()).isEqualTo(LocalDate.parse("2030-12-15"));
        assertThat(day.bookings()).isEqualTo(1);
        assertThat(day.cancellations()).isEqualTo(1);
        assertThat(day.byReason()).containsExactlyInAnyOrderEntriesOf(Map.of(ReleaseReason.CANCELLED_BY_GUEST, 1,
                ReleaseReason.CANCELLED_BY_STAFF, 0, ReleaseReason.HOLD_EXPIRED, 0));
        assertThat(day.cancelledNights()).isEqualTo(3);
        assertThat(day.cancelledRevenue()).isEqualByComparingTo("240.00");
    }

    @Test
    void aBookingDeliveredAgainAfterItsReleaseDoesNotSellItsNightsAgain() {
        aSmallHotel();
        RoomReserved reserved = reserve("101", JAN_1, 2, "240.00", "2030-12-20T10:00:00Z");
        release(reserved, ReleaseReason.CANCELLED_BY_STAFF, "2030-12-21T10:00:00Z");
        release(reserved, ReleaseReason.CANCELLED_BY_STAFF, "2030-12-21T10:00:00Z");

        projection.on(reserved, Instant.parse("2030-12-20T10:00:00Z"));

        assertThat(occupancy(JAN_1, JAN_1.plusDays(2)).nights()).extracting(NightOccupancy::roomsSold)
                                                                 .containsExactly(0, 0);
    }

    @Test
    void leadTimeIsTheDaysFromBookingToCheckInPerMonthOfArrivalForStaysNotCancelled() {
        aSmallHotel();
        reserve("101", JAN_1, 3, "360.00", "2030-12-20T10:00:00Z");
        reserve("103", JAN_1.plusDays(1), 1, "299.00", "2031-01-02T08:00:00Z");
        release(reserve("102", JAN_1, 1, "120.00", "2030-06-01T10:00:00Z"), ReleaseReason.CANCELLED_BY_GUEST,
                "2030-06-02T10:00:00Z");

        LeadTimeReport report = leadTimes.handle(new ReportLeadTimes(
                new DateRange(LocalDate.parse("2030-12-15"), LocalDate.parse("2031-02-01"))));

        assertThat(report.months()).extracting(LeadTimeMonth::month)
                                   .containsExactly(YearMonth.of(2030, 12), YearMonth.of(2031, 1));
        assertThat(report.months().get(0).stays()).isZero();
        assertThat(report.months().get(0).averageDays()).isNull();
        LeadTimeMonth january = report.months().get(1);
        assertThat(january.stays()).isEqualTo(2);
        assertThat(january.averageDays()).isEqualByComparingTo("6.0");
        assertThat(january.medianDays()).isEqualByComparingTo("6.0");
        assertThat(january.p90Days()).isEqualByComparingTo("10.8");
        assertThat(january.maxDays()).isEqualTo(12);
        assertThat(january.distribution()).containsExactly(Map.entry("days0", 1), Map.entry("days1to7", 0),
                Map.entry("days8to30", 1), Map.entry("days31to90", 0), Map.entry("days91to180", 0),
                Map.entry("days181plus", 0));
    }

    @Test
    void daysAreTheHotelsDaysInItsTimeZone() {
        inZone(ZoneId.of("Pacific/Auckland"));
        register("101", RoomType.DOUBLE, "2030-12-31T11:30:00Z");
        reserve("101", JAN_1.plusDays(10), 1, "120.00", "2030-12-31T12:30:00Z");

        assertThat(occupancy(JAN_1.minusDays(1), JAN_1.plusDays(1)).nights()).extracting(NightOccupancy::rooms)
                .as("registered on 1 January in Auckland").containsExactly(0, 1);
        assertThat(cancellations.handle(new ReportCancellations(new DateRange(JAN_1, JAN_1.plusDays(1)))).days().get(0)
                          .bookings()).isEqualTo(1);
        assertThat(leadTimes.handle(new ReportLeadTimes(new DateRange(JAN_1, JAN_1.plusDays(31)))).months().get(0)
                          .maxDays()).isEqualTo(10);
    }

    @Test
    void aResetEmptiesTheReports() {
        aSmallHotel();
        reserve("101", JAN_1, 1, "120.00", "2030-12-20T10:00:00Z");

        projection.reset();

        NightOccupancy night = occupancy(JAN_1, JAN_1.plusDays(1)).nights().get(0);
        assertThat(night.rooms()).isZero();
        assertThat(night.roomsSold()).isZero();
        assertThat(night.roomTypes()).isEmpty();
    }
    @Test
    void aHoldSellsItsNightsOnlyOnceConfirmed() {
        aSmallHotel();
        Stay stay = new Stay(JAN_1, JAN_1.plusDays(2));
        UUID confirmed = UUID.randomUUID();
        projection.on(new HoldConfirmed("101", confirmed, stay, new BigDecimal("200.00")),
                Instant.parse("2030-12-20T10:05:00Z"));
        UUID expired = UUID.randomUUID();
        projection.on(new RoomReleased("102", expired, stay, ReleaseReason.HOLD_EXPIRED),
                Instant.parse("2030-12-20T10:10:00Z"));

        NightOccupancy first = occupancy(JAN_1, JAN_1.plusDays(1)).nights().get(0);
        assertThat(first.roomsSold()).as("the expired hold was never sold").isEqualTo(1);
        assertThat(first.revenue()).isEqualByComparingTo("100.00");
    }
}
