package hotel.booking.query.report;

import hotel.booking.api.RoomType;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Occupancy per night, read from what {@link ReportProjection} keeps; every night of the range has its line. */
@Component
public class OccupancyReports {

    /** Per night and room type: the rooms in service that night, and the nights sold with their revenue. */
    private static final String OCCUPANCY = """
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
            """;

    private final JdbcClient jdbc;

    public OccupancyReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public OccupancyReport handle(ReportOccupancy query) {
        DateRange range = query.nights();
        Map<LocalDate, List<RoomTypeOccupancy>> byNight = jdbc.sql(OCCUPANCY)
                .param("from", range.from()).param("to", range.to())
                .query(OccupancyReports::typeOnNight)
                .list().stream()
                .collect(Collectors.groupingBy(TypeOnNight::night,
                        Collectors.mapping(TypeOnNight::occupancy, Collectors.toList())));
        List<NightOccupancy> nights = range.dates()
                .map(night -> NightOccupancy.of(night, byNight.getOrDefault(night, List.of())))
                .toList();
        return new OccupancyReport(range.from(), range.to(), nights);
    }

    private record TypeOnNight(LocalDate night, RoomTypeOccupancy occupancy) {
    }

    private static TypeOnNight typeOnNight(ResultSet rs, int row) throws SQLException {
        return new TypeOnNight(rs.getDate("night").toLocalDate(), RoomTypeOccupancy.of(
                RoomType.valueOf(rs.getString("room_type")), rs.getInt("rooms_sold"), rs.getInt("rooms"),
                Money.of(rs.getBigDecimal("revenue"))));
    }
}
