package hotel.booking.query.price;

import hotel.booking.api.RateOverride;
import hotel.booking.api.RoomRateSet;
import hotel.booking.api.Tariff;
import hotel.booking.query.room.RoomProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each room's rates by date, in the order staff set them, beside the rooms' nightly rates (the same
 * processor as the rooms): a quote prices a stay with the Room's own {@link Tariff}.
 */
@Component
@ProcessingGroup(RoomProjection.PROCESSING_GROUP)
public class RateProjection {

    private final JdbcClient jdbc;

    public RateProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RoomRateSet event) {
        RateOverride rate = event.rate();
        jdbc.sql("""
                 INSERT INTO room_rate (room_number, from_date, to_date, nightly_rate, days_of_week)
                 VALUES (?, ?, ?, ?, ?)
                 """)
            .params(event.roomNumber(), rate.from(), rate.to(), rate.nightlyRate(), days(rate.daysOfWeek()))
            .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE room_rate").update();
    }

    @QueryHandler
    Optional<Tariff> handle(FindTariff query) {
        return jdbc.sql("SELECT nightly_rate FROM room_view WHERE room_number = ?")
                   .param(query.roomNumber())
                   .query(java.math.BigDecimal.class)
                   .optional()
                   .map(nightlyRate -> new Tariff(nightlyRate, overrides(query.roomNumber())));
    }

    private List<RateOverride> overrides(String roomNumber) {
        return jdbc.sql("""
                        SELECT from_date, to_date, nightly_rate, days_of_week FROM room_rate
                        WHERE room_number = ? ORDER BY seq
                        """)
                   .param(roomNumber)
                   .query((rs, n) -> new RateOverride(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate(),
                           rs.getBigDecimal(3), days(rs.getString(4))))
                   .list();
    }

    private static String days(Set<DayOfWeek> days) {
        return days == null ? null : days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    private static Set<DayOfWeek> days(String days) {
        return days == null ? null
                : Arrays.stream(days.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toUnmodifiableSet());
    }
}
