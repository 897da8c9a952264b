package hotel.booking.query.report;

import hotel.booking.api.ReleaseReason;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Bookings and cancellations per day, read from what {@link ReportProjection} keeps. */
@Component
public class CancellationReports {

    private final JdbcClient jdbc;

    public CancellationReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                .query(CancellationReports::released)
                .list().stream().collect(Collectors.groupingBy(Released::day));
        List<CancellationDay> days = range.dates()
                .map(day -> cancellationDay(day, bookings.getOrDefault(day, 0), released.getOrDefault(day, List.of())))
                .toList();
        return new CancellationReport(range.from(), range.to(), days);
    }

    private record Released(LocalDate day, ReleaseReason reason, int count, int nights, BigDecimal revenue) {
    }

    private static Released released(ResultSet rs, int row) throws SQLException {
        return new Released(rs.getDate(1).toLocalDate(), ReleaseReason.valueOf(rs.getString(2)), rs.getInt(3),
                rs.getInt(4), Money.of(rs.getBigDecimal(5)));
    }

    private static CancellationDay cancellationDay(LocalDate day, int bookings, List<Released> released) {
        Map<ReleaseReason, Integer> byReason = new EnumMap<>(ReleaseReason.class);
        for (ReleaseReason reason : CancellationReport.CANCELLATION_REASONS) {
            byReason.put(reason, 0);
        }
        released.forEach(r -> byReason.put(r.reason(), r.count()));
        return new CancellationDay(day, bookings, released.stream().mapToInt(Released::count).sum(), byReason,
                released.stream().mapToInt(Released::nights).sum(),
                released.stream().map(Released::revenue).reduce(Money.of(BigDecimal.ZERO), BigDecimal::add));
    }
}
