package hotel.booking.query.report;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Booking lead time per month of arrival, read from what {@link ReportProjection} keeps. */
@Component
public class LeadTimeReports {

    private final JdbcClient jdbc;

    public LeadTimeReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                .query(LeadTimeReports::leadTimeMonth)
                .list().stream().collect(Collectors.toMap(LeadTimeMonth::month, month -> month));
        List<LeadTimeMonth> months = monthsOf(range).stream()
                .map(month -> byMonth.getOrDefault(month, noStays(month)))
                .toList();
        return new LeadTimeReport(range.from(), range.to(), months);
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

    private static BigDecimal days(BigDecimal days) {
        return days.setScale(1, RoundingMode.HALF_UP);
    }
}
