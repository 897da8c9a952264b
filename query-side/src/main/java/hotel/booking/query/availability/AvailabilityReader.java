package hotel.booking.query.availability;

import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The rooms-by-nights picture of a range, read from the live read model. */
@Component
class AvailabilityReader {

    private final JdbcClient jdbc;

    AvailabilityReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RoomAvailability> read(AvailabilityQuery query) {
        List<AvailabilityStore.Room> rooms = jdbc.sql("SELECT room_number, type, capacity, nightly_rate FROM availability_room")
                .query((rs, n) -> new AvailabilityStore.Room(rs.getString(1), RoomType.valueOf(rs.getString(2)),
                        rs.getInt(3), rs.getBigDecimal(4)))
                .list();
        AvailabilityGrid grid = new AvailabilityGrid(query, rooms);
        jdbc.sql("SELECT room_number, check_in, check_out, out_of_service FROM availability_stay WHERE check_in < ? AND check_out > ?")
            .params(query.to(), query.from())
            .query(rs -> {
                Stay stay = new Stay(rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate());
                if (rs.getBoolean(4)) {
                    grid.block(rs.getString(1), stay);
                } else {
                    grid.take(rs.getString(1), stay);
                }
            });
        return grid.rooms();
    }
}
