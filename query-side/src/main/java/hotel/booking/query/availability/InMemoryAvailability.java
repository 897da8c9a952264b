package hotel.booking.query.availability;

import hotel.booking.api.Stay;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Availability held in memory: what a rebuild folds the history into before it writes the result,
 * and how the past is reconstructed from the events up to an instant.
 */
public final class InMemoryAvailability implements AvailabilityStore {

    private record HeldStay(String roomNumber, Stay stay, boolean outOfService) {
        HeldStay(String roomNumber, Stay stay) {
            this(roomNumber, stay, false);
        }
    }

    /** A reservation moving between rooms holds a stay in each for a moment. */
    private record StayKey(UUID reservationId, String roomNumber) {
    }

    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final Map<StayKey, HeldStay> stays = new HashMap<>();
    private final AvailabilityQuery scope;

    /** Keeps every room and every active stay. */
    public InMemoryAvailability() {
        this(null);
    }

    private InMemoryAvailability(AvailabilityQuery scope) {
        this.scope = scope;
    }

    /**
     * Keeps only the rooms and stays {@code query} can show, so that folding a history of any length
     * holds no more than the answer needs.
     */
    public static InMemoryAvailability scopedTo(AvailabilityQuery query) {
        return new InMemoryAvailability(Objects.requireNonNull(query, "query"));
    }

    /** A projection that folds events into this store and reports no changes. */
    public AvailabilityProjection projection() {
        return new AvailabilityProjection(this, ChangeRecorder.NONE);
    }

    public List<RoomAvailability> read(AvailabilityQuery query) {
        AvailabilityGrid grid = new AvailabilityGrid(query, rooms.values());
        stays.values().stream()
             .filter(held -> held.stay().overlaps(query.from(), query.to()))
             .forEach(held -> {
                 if (held.outOfService()) {
                     grid.block(held.roomNumber(), held.stay());
                 } else {
                     grid.take(held.roomNumber(), held.stay());
                 }
             });
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
        if (scope != null && !scope.includes(room.type(), room.capacity())) {
            return;
        }
        rooms.put(room.roomNumber(), room);
    }

    @Override
    public Room room(String roomNumber) {
        return rooms.get(roomNumber);
    }

    @Override
    public boolean addStay(UUID reservationId, String roomNumber, Stay stay) {
        if (scope != null && (!rooms.containsKey(roomNumber) || !stay.overlaps(scope.from(), scope.to()))) {
            return false;
        }
        return stays.putIfAbsent(new StayKey(reservationId, roomNumber), new HeldStay(roomNumber, stay)) == null;
    }

    @Override
    public boolean removeStay(UUID reservationId, String roomNumber) {
        return stays.remove(new StayKey(reservationId, roomNumber)) != null;
    }

    @Override
    public boolean changeStay(UUID reservationId, String roomNumber, Stay previous, Stay stay) {
        StayKey key = new StayKey(reservationId, roomNumber);
        HeldStay held = stays.get(key);
        if (held != null ? !held.stay().equals(previous) : scope == null) {
            return false;
        }
        // kept to its scope, the store may not have held the previous stay, and may not keep the new one
        stays.remove(key);
        addStay(reservationId, roomNumber, stay);
        return true;
    }

    @Override
    public boolean addBlock(UUID blockId, String roomNumber, Stay nights) {
        if (scope != null && (!rooms.containsKey(roomNumber) || !nights.overlaps(scope.from(), scope.to()))) {
            return false;
        }
        return stays.putIfAbsent(new StayKey(blockId, roomNumber), new HeldStay(roomNumber, nights, true)) == null;
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

    /** The stays a reservation (or block) holds: one, or one in each room while it moves. */
    void forEachStayOf(UUID reservationId, StayConsumer action) {
        stays.forEach((key, held) -> {
            if (key.reservationId().equals(reservationId)) {
                action.accept(key.reservationId(), held.roomNumber(), held.stay(), held.outOfService());
            }
        });
    }

    public void forEachStay(StayConsumer action) {
        stays.forEach((key, held) -> action.accept(key.reservationId(), held.roomNumber(), held.stay(),
                held.outOfService()));
    }

    @FunctionalInterface
    public interface StayConsumer {
        void accept(UUID reservationId, String roomNumber, Stay stay, boolean outOfService);
    }
}
