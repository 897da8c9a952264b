package hotel.booking.query.report;

import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomType;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The reports, read from what {@link ReportProjection} keeps; every day of the range has its line. */
@Component
public class ReportQueries {

    private final JdbcClient jdbc;

    public ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public OccupancyReport handle(ReportOccupancy query) {
        DateRange range = query.nights();
        Map<LocalDate, List<RoomTypeOccupancy>> byNight = jdbc.sql("""
                WITH nights AS (
                    SELECT CAST(:from AS date) + i AS night
                    FROM generate_series(0, CAST(:to AS date) - CAST(:from AS date) - 1) AS i
                ), in_service AS (
                    SELECT n.night, r.room_type, count(*) AS rooms
                    FROM nights n JOIN report_room r ON r.in_service_from <= n.night
                    GROUP BY n.night, r.room_type
                ), sold AS (
                    SELECT s.night, r.room_type, count(*) AS rooms_sold, sum(s.revenue) AS revenue
                    FROM report_night_sold s JOIN report_room r USING (room_number)
                    WHERE s.night >= :from AND s.night < :to
                    GROUP BY s.night, r.room_type
                )
                SELECT coalesce(i.night, s.night) AS night, coalesce(i.room_type, s.room_type) AS room_type,
                       coalesce(s.rooms_sold, 0) AS rooms_sold, coalesce(i.rooms, 0) AS rooms,
                       coalesce(s.revenue, 0) AS revenue
                FROM in_service i FULL JOIN sold s ON s.night = i.night AND s.room_type = i.room_type
                """)
                .param("from", range.from()).param("to", range.to())
                .query((rs, n) -> Map.entry(rs.getDate("night").toLocalDate(), RoomTypeOccupancy.of(
                        RoomType.valueOf(rs.getString("room_type")), rs.getInt("rooms_sold"), rs.getInt("rooms"),
                        money(rs.getBigDecimal("revenue")))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<NightOccupancy> nights = range.dates()
                .map(night -> NightOccupancy.of(night, byNight.getOrDefault(night, List.of())))
                .toList();
        return new OccupancyReport(range.from(), range.to(), nights);
    }

    @QueryHandler
    public CancellationReport handle(ReportCancellations query) {
        DateRange range = query.days();
        Map<LocalDate, Integer> bookings = jdbc.sql("""
                SELECT booked_on, count(*) FROM report_reservation
                WHERE booked_on >= ? AND booked_on < ? GROUP BY booked_on
                """)
                .params(range.from(), range.to())
                .query((rs, n) -> Map.entry(rs.getDate(1).toLocalDate(), rs.getInt(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<LocalDate, List<Released>> released = jdbc.sql("""
                SELECT released_on, release_reason, count(*), sum(nights), sum(total_price)
                FROM report_reservation
                WHERE released_on >= ? AND released_on < ?
                GROUP BY released_on, release_reason
                """)
                .params(range.from(), range.to())
                .query(ReportQueries::released)
                .list().stream().collect(Collectors.groupingBy(Released::day));
        List<CancellationDay> days = range.dates()
                .map(day -> cancellationDay(day, bookings.getOrDefault(day, 0), released.getOrDefault(day, List.of())))
                .toList();
        return new CancellationReport(range.from(), range.to(), days);
    }

    @QueryHandler
    public LeadTimeReport handle(ReportLeadTimes query) {
        DateRange range = query.checkIns();
        Map<YearMonth, LeadTimeMonth> byMonth = jdbc.sql("""
                SELECT date_trunc('month', check_in)::date AS month, count(*) AS stays,
                       avg(lead_days) AS average,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY lead_days) AS median,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY lead_days) AS p90,
                       max(lead_days) AS longest,
                       count(*) FILTER (WHERE lead_days = 0) AS days0,
                       count(*) FILTER (WHERE lead_days BETWEEN 1 AND 7) AS days1to7,
                       count(*) FILTER (WHERE lead_days BETWEEN 8 AND 30) AS days8to30,
                       count(*) FILTER (WHERE lead_days BETWEEN 31 AND 90) AS days31to90,
                       count(*) FILTER (WHERE lead_days BETWEEN 91 AND 180) AS days91to180,
                       count(*) FILTER (WHERE lead_days > 180) AS days181plus
                FROM report_reservation
                WHERE check_in >= ? AND check_in < ? AND released_on IS NULL
                GROUP BY 1
                """)
                .params(range.from(), range.to())
                .query(ReportQueries::leadTimeMonth)
                .list().stream().collect(Collectors.toMap(LeadTimeMonth::month, month -> month));
        List<LeadTimeMonth> months = monthsOf(range).stream()
                .map(month -> byMonth.getOrDefault(month, noStays(month)))
                .toList();
        return new LeadTimeReport(range.from(), range.to(), months);
    }

    private record Released(LocalDate day, ReleaseReason reason, int count, int nights, BigDecimal revenue) {
    }

    private static Released released(ResultSet rs, int row) throws SQLException {
        return new Released(rs.getDate(1).toLocalDate(), ReleaseReason.valueOf(rs.getString(2)), rs.getInt(3),
                rs.getInt(4), money(rs.getBigDecimal(5)));
    }

    private static CancellationDay cancellationDay(LocalDate day, int bookings, List<Released> released) {
        Map<ReleaseReason, Integer> byReason = new EnumMap<>(ReleaseReason.class);
        for (ReleaseReason reason : ReleaseReason.values()) {
            byReason.put(reason, 0);
        }
        released.forEach(r -> byReason.put(r.reason(), r.count()));
        return new CancellationDay(day, bookings, released.stream().mapToInt(Released::count).sum(), byReason,
                released.stream().mapToInt(Released::nights).sum(),
                released.stream().map(Released::revenue).reduce(money(BigDecimal.ZERO), BigDecimal::add));
    }

    private static LeadTimeMonth leadTimeMonth(ResultSet rs, int row) throws SQLException {
        Map<String, Integer> distribution = new LinkedHashMap<>();
        for (String band : LeadTimeReport.BANDS) {
            distribution.put(band, rs.getInt(band));
        }
        return new LeadTimeMonth(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getInt("stays"),
                days(rs.getBigDecimal("average")), days(rs.getBigDecimal("median")), days(rs.getBigDecimal("p90")),
                rs.getInt("longest"), distribution);
    }

    private static LeadTimeMonth noStays(YearMonth month) {
        Map<String, Integer> distribution = new LinkedHashMap<>();
        LeadTimeReport.BANDS.forEach(band -> distribution.put(band, 0));
        return new LeadTimeMonth(month, 0, null, null, null, null, distribution);
    }

    private static List<YearMonth> monthsOf(DateRange range) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(range.from()); !month.atDay(1).isAfter(range.to().minusDays(1));
             month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal days(BigDecimal days) {
        return days.setScale(1, RoundingMode.HALF_UP);
    }
}
