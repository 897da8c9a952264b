package hotel.booking.query.room;

import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomType;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
@ProcessingGroup(RoomProjection.PROCESSING_GROUP)
public class RoomProjection {

    public static final String PROCESSING_GROUP = "rooms";

    private final JdbcClient jdbc;

    public RoomProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RoomRegistered event) {
        jdbc.sql("""
                 INSERT INTO room_view (room_number, type, capacity, nightly_rate) VALUES (?, ?, ?, ?)
                 ON CONFLICT (room_number) DO UPDATE
                 SET type = excluded.type, capacity = excluded.capacity, nightly_rate = excluded.nightly_rate
                 """)
            .params(event.roomNumber(), event.type().name(), event.capacity(), event.nightlyRate())
            .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE room_view").update();
    }

    @QueryHandler
    List<RoomView> handle(ListRooms query) {
        return jdbc.sql("""
                        SELECT room_number, type, capacity, nightly_rate FROM room_view
                        ORDER BY length(room_number), room_number
                        """)
                   .query((rs, n) -> new RoomView(rs.getString(1), RoomType.valueOf(rs.getString(2)),
                           rs.getInt(3), rs.getBigDecimal(4)))
                   .list();
    }
}
