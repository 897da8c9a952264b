package hotel.booking.query.availability;

import hotel.booking.api.Stay;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rooms-by-nights picture of a range, from rooms and the stays that hold their nights. */
final class AvailabilityGrid {

    private final AvailabilityQuery query;
    private final int nights;
    private final Map<String, boolean[]> taken = new LinkedHashMap<>();
    private final Map<String, boolean[]> outOfService = new LinkedHashMap<>();
    private final List<AvailabilityStore.Room> rooms = new ArrayList<>();

    AvailabilityGrid(AvailabilityQuery query, Iterable<AvailabilityStore.Room> allRooms) {
        this.query = query;
        this.nights = (int) ChronoUnit.DAYS.between(query.from(), query.to());
        for (AvailabilityStore.Room room : allRooms) {
            if (query.includes(room.type(), room.capacity())) {
                rooms.add(room);
                taken.put(room.roomNumber(), new boolean[nights]);
                outOfService.put(room.roomNumber(), new boolean[nights]);
            }
        }
        rooms.sort(ROOM_NUMBER_ORDER);
    }

    static final java.util.Comparator<AvailabilityStore.Room> ROOM_NUMBER_ORDER =
            java.util.Comparator.comparingInt((AvailabilityStore.Room room) -> room.roomNumber().length())
                                .thenComparing(AvailabilityStore.Room::roomNumber);

    void take(String roomNumber, Stay stay) {
        mark(taken.get(roomNumber), stay);
    }

    /** Nights out of service: taken, and shown as such. */
    void block(String roomNumber, Stay nightsOut) {
        mark(taken.get(roomNumber), nightsOut);
        mark(outOfService.get(roomNumber), nightsOut);
    }

    private void mark(boolean[] ofRoom, Stay stay) {
        if (ofRoom == null) {
            return;
        }
        int start = (int) Math.max(0, ChronoUnit.DAYS.between(query.from(), stay.checkIn()));
        int end = (int) Math.min(nights, ChronoUnit.DAYS.between(query.from(), stay.checkOut()));
        for (int i = start; i < end; i++) {
            ofRoom[i] = true;
        }
    }

    List<RoomAvailability> rooms() {
        List<RoomAvailability> result = new ArrayList<>(rooms.size());
        for (AvailabilityStore.Room room : rooms) {
            boolean[] ofRoom = taken.get(room.roomNumber());
            boolean[] blocked = outOfService.get(room.roomNumber());
            List<NightAvailability> nightsOfRoom = new ArrayList<>(nights);
            for (int i = 0; i < nights; i++) {
                nightsOfRoom.add(new NightAvailability(query.from().plusDays(i), !ofRoom[i],
                        blocked[i] ? NightAvailability.OUT_OF_SERVICE : null));
            }
            result.add(new RoomAvailability(room.roomNumber(), room.type(), room.capacity(), room.nightlyRate(),
                    nightsOfRoom));
        }
        return result;
    }
}
