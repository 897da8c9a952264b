package hotel.booking.query.availability;

import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which nights of which room are taken, and the change feed the live stream is made of. Runs in a
 * single segment on purpose: the feed must be in one order, the order its changes were applied.
 */
@Component
@ProcessingGroup(AvailabilityProjection.PROCESSING_GROUP)
public class AvailabilityProjection {

    public static final String PROCESSING_GROUP = "availability";

    private final JdbcClient jdbc;
    private final ChangeFeed feed;

    public AvailabilityProjection(JdbcClient jdbc, ChangeFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
    }

    @EventHandler
    void on(RoomRegistered event, TrackingToken token) {
        jdbc.sql("""
                 INSERT INTO availability_room (room_number, type, capacity, nightly_rate) VALUES (?, ?, ?, ?)
                 ON CONFLICT (room_number) DO UPDATE
                 SET type = excluded.type, capacity = excluded.capacity, nightly_rate = excluded.nightly_rate
                 """)
            .params(event.roomNumber(), event.type().name(), event.capacity(), event.nightlyRate())
            .update();
        feed.append(new AvailabilityChange(0, AvailabilityChange.Kind.ROOM, event.roomNumber(), event.type(),
                event.capacity(), event.nightlyRate(), null, null, true), position(token));
    }

    @EventHandler
    void on(RoomReserved event, TrackingToken token) {
        int inserted = jdbc.sql("""
                                INSERT INTO availability_stay (reservation_id, room_number, check_in, check_out)
                                VALUES (?, ?, ?, ?) ON CONFLICT (reservation_id) DO NOTHING
                                """)
                           .params(event.reservationId(), event.roomNumber(), event.stay().checkIn(),
                                   event.stay().checkOut())
                           .update();
        if (inserted > 0) {
            nightsChanged(event.roomNumber(), event.stay().checkIn(), event.stay().checkOut(), false, token);
        }
    }

    @EventHandler
    void on(RoomReleased event, TrackingToken token) {
        int deleted = jdbc.sql("DELETE FROM availability_stay WHERE reservation_id = ?")
                          .param(event.reservationId())
                          .update();
        if (deleted > 0) {
            nightsChanged(event.roomNumber(), event.stay().checkIn(), event.stay().checkOut(), true, token);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE availability_stay, availability_room").update();
        feed.forgetAll();
    }

    private void nightsChanged(String roomNumber, LocalDate from, LocalDate to, boolean available,
                               TrackingToken token) {
        record Room(RoomType type, int capacity) {
        }
        Room room = jdbc.sql("SELECT type, capacity FROM availability_room WHERE room_number = ?")
                        .param(roomNumber)
                        .query((rs, n) -> new Room(RoomType.valueOf(rs.getString(1)), rs.getInt(2)))
                        .single();
        feed.append(new AvailabilityChange(0, AvailabilityChange.Kind.NIGHTS, roomNumber, room.type(),
                room.capacity(), null, from, to, available), position(token));
    }

    private static Long position(TrackingToken token) {
        return Optional.ofNullable(token).flatMap(t -> {
            var position = t.position();
            return position.isPresent() ? Optional.of(position.getAsLong()) : Optional.empty();
        }).orElse(null);
    }
}
