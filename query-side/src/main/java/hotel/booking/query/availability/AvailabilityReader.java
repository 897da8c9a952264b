package hotel.booking.query.availability;

import hotel.booking.api.RoomType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes the rooms-by-nights picture for a range from the read model. */
@Component
class AvailabilityReader {

    private final JdbcClient jdbc;

    AvailabilityReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RoomAvailability> read(AvailabilityQuery query) {
        int nights = (int) ChronoUnit.DAYS.between(query.from(), query.to());
        Map<String, boolean[]> taken = new LinkedHashMap<>();
        List<RoomRow> rooms = rooms(query);
        rooms.forEach(room -> taken.put(room.roomNumber(), new boolean[nights]));
        jdbc.sql("""
                 SELECT room_number, check_in, check_out FROM availability_stay
                 WHERE check_in < ? AND check_out > ?
                 """)
            .params(query.to(), query.from())
            .query(rs -> {
                boolean[] nightsOfRoom = taken.get(rs.getString(1));
                if (nightsOfRoom != null) {
                    markTaken(nightsOfRoom, query.from(), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate());
                }
            });
        List<RoomAvailability> result = new ArrayList<>(rooms.size());
        for (RoomRow room : rooms) {
            result.add(new RoomAvailability(room.roomNumber(), room.type(), room.capacity(), room.nightlyRate(),
                    nights(query.from(), taken.get(room.roomNumber()))));
        }
        return result;
    }

    private List<RoomRow> rooms(AvailabilityQuery query) {
        return jdbc.sql("""
                        SELECT room_number, type, capacity, nightly_rate FROM availability_room
                        ORDER BY length(room_number), room_number
                        """)
                   .query((rs, n) -> new RoomRow(rs.getString(1), RoomType.valueOf(rs.getString(2)), rs.getInt(3),
                           rs.getBigDecimal(4)))
                   .stream()
                   .filter(room -> query.includes(room.type(), room.capacity()))
                   .toList();
    }

    private static void markTaken(boolean[] nights, LocalDate from, LocalDate checkIn, LocalDate checkOut) {
        int start = (int) Math.max(0, ChronoUnit.DAYS.between(from, checkIn));
        int end = (int) Math.min(nights.length, ChronoUnit.DAYS.between(from, checkOut));
        for (int i = start; i < end; i++) {
            nights[i] = true;
        }
    }

    private static List<NightAvailability> nights(LocalDate from, boolean[] taken) {
        List<NightAvailability> nights = new ArrayList<>(taken.length);
        for (int i = 0; i < taken.length; i++) {
            nights.add(new NightAvailability(from.plusDays(i), !taken[i]));
        }
        return nights;
    }

    private record RoomRow(String roomNumber, RoomType type, int capacity, BigDecimal nightlyRate) {
    }
}
