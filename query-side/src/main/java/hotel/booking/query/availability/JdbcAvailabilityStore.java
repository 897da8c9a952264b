package hotel.booking.query.availability;

import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live availability read model in PostgreSQL. A room's type and capacity never change once
 * registered, so they are kept in memory after the first read.
 */
@Component
class JdbcAvailabilityStore implements AvailabilityStore {

    private final JdbcClient jdbc;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    JdbcAvailabilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void putRoom(Room room) {
        jdbc.sql("""
                 INSERT INTO availability_room (room_number, type, capacity, nightly_rate) VALUES (?, ?, ?, ?)
                 ON CONFLICT (room_number) DO UPDATE
                 SET type = excluded.type, capacity = excluded.capacity, nightly_rate = excluded.nightly_rate
                 """)
            .params(room.roomNumber(), room.type().name(), room.capacity(), room.nightlyRate())
            .update();
        rooms.put(room.roomNumber(), room);
    }

    @Override
    public Room room(String roomNumber) {
        return rooms.computeIfAbsent(roomNumber, number ->
                jdbc.sql("SELECT room_number, type, capacity, nightly_rate FROM availability_room WHERE room_number = ?")
                    .param(number)
                    .query((rs, n) -> new Room(rs.getString(1), RoomType.valueOf(rs.getString(2)), rs.getInt(3),
                            rs.getBigDecimal(4)))
                    .single());
    }

    @Override
    public boolean addStay(UUID reservationId, String roomNumber, Stay stay) {
        return jdbc.sql("""
                        INSERT INTO availability_stay (reservation_id, room_number, check_in, check_out)
                        VALUES (?, ?, ?, ?) ON CONFLICT (reservation_id, room_number) DO NOTHING
                        """)
                   .params(reservationId, roomNumber, stay.checkIn(), stay.checkOut())
                   .update() > 0;
    }

    @Override
    public boolean removeStay(UUID reservationId, String roomNumber) {
        return jdbc.sql("DELETE FROM availability_stay WHERE reservation_id = ? AND room_number = ?")
                   .params(reservationId, roomNumber).update() > 0;
    }

    @Override
    public boolean changeStay(UUID reservationId, String roomNumber, Stay previous, Stay stay) {
        return jdbc.sql("""
                        UPDATE availability_stay SET check_in = ?, check_out = ?
                        WHERE reservation_id = ? AND room_number = ? AND check_in = ? AND check_out = ?
                          AND NOT out_of_service
                        """)
                   .params(stay.checkIn(), stay.checkOut(), reservationId, roomNumber, previous.checkIn(),
                           previous.checkOut())
                   .update() > 0;
    }

    @Override
    public boolean addBlock(UUID blockId, String roomNumber, Stay nights) {
        return jdbc.sql("""
                        INSERT INTO availability_stay (reservation_id, room_number, check_in, check_out, out_of_service)
                        VALUES (?, ?, ?, ?, TRUE) ON CONFLICT (reservation_id, room_number) DO NOTHING
                        """)
                   .params(blockId, roomNumber, nights.checkIn(), nights.checkOut())
                   .update() > 0;
    }

    @Override
    public void clear() {
        jdbc.sql("TRUNCATE availability_stay, availability_room").update();
        rooms.clear();
    }
}
