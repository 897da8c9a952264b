package hotel.booking.query.availability;

import hotel.booking.api.Stay;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Availability held in memory: what a rebuild folds the history into before it writes the result,
 * and how the past is reconstructed from the events up to an instant.
 */
public final class InMemoryAvailability implements AvailabilityStore {

    private record HeldStay(String roomNumber, Stay stay) {
    }

    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final Map<UUID, HeldStay> stays = new HashMap<>();

    /** A projection that folds events into this store and reports no changes. */
    public AvailabilityProjection projection() {
        return new AvailabilityProjection(this, ChangeRecorder.NONE);
    }

    public List<RoomAvailability> read(AvailabilityQuery query) {
        AvailabilityGrid grid = new AvailabilityGrid(query, rooms.values());
        stays.values().stream()
             .filter(held -> held.stay().overlaps(query.from(), query.to()))
             .forEach(held -> grid.take(held.roomNumber(), held.stay()));
        return grid.rooms();
    }

    public int roomCount() {
        return rooms.size();
    }

    public int stayCount() {
        return stays.size();
    }

    @Override
    public void putRoom(Room room) {
        rooms.put(room.roomNumber(), room);
    }

    @Override
    public Room room(String roomNumber) {
        return rooms.get(roomNumber);
    }

    @Override
    public boolean addStay(UUID reservationId, String roomNumber, Stay stay) {
        return stays.putIfAbsent(reservationId, new HeldStay(roomNumber, stay)) == null;
    }

    @Override
    public boolean removeStay(UUID reservationId) {
        return stays.remove(reservationId) != null;
    }

    @Override
    public void clear() {
        rooms.clear();
        stays.clear();
    }

    /** Every room and stay, for writing them out in bulk. */
    public void forEachRoom(java.util.function.Consumer<Room> action) {
        rooms.values().forEach(action);
    }

    /** The stay a reservation holds, or null. */
    Stay stay(UUID reservationId) {
        HeldStay held = stays.get(reservationId);
        return held == null ? null : held.stay();
    }

    /** The room a reservation holds nights of, or null. */
    String stayRoom(UUID reservationId) {
        HeldStay held = stays.get(reservationId);
        return held == null ? null : held.roomNumber();
    }

    public void forEachStay(StayConsumer action) {
        stays.forEach((id, held) -> action.accept(id, held.roomNumber(), held.stay()));
    }

    @FunctionalInterface
    public interface StayConsumer {
        void accept(UUID reservationId, String roomNumber, Stay stay);
    }
}
