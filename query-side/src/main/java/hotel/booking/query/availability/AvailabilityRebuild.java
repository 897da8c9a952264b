package hotel.booking.query.availability;

import hotel.booking.api.BlockLifted;
import hotel.booking.api.NightsBlocked;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.Stay;
import hotel.booking.query.replay.FoldedTable;
import hotel.booking.query.replay.ProjectionFold;
import hotel.booking.query.replay.RebuildableProjection;
import hotel.booking.query.replay.StoredEvent;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Rebuilds availability through the projection's own handlers, on a store in memory and with no
 * change recorded: the live stream's change feed belongs to the live processor, which keeps
 * writing it while the rebuild runs.
 */
@Component
class AvailabilityRebuild implements RebuildableProjection {

    @Override
    public Class<?> liveProjection() {
        return AvailabilityProjection.class;
    }

    /** Counts and dates only: the guests stay sealed. */
    @Override
    public boolean readsGuests() {
        return false;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return Set.of(RoomRegistered.class, RoomReserved.class, RoomReleased.class, StayChanged.class, StayMovedIn.class,
                RoomHeld.class, NightsBlocked.class, BlockLifted.class);
    }

    @Override
    public String name() {
        return AvailabilityProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("availability_room", "availability_stay");
    }

    @Override
    public ProjectionFold newFold() {
        return new Fold();
    }

    private static final class Fold implements ProjectionFold, AvailabilityStore {

        private final InMemoryAvailability memory = new InMemoryAvailability();
        private final AvailabilityProjection projection = new AvailabilityProjection(this, ChangeRecorder.NONE);
        private final FoldedTable<String> rooms = new FoldedTable<>("availability_room",
                List.of("room_number", "type", "capacity", "nightly_rate"), "room_number", "text",
                sink -> memory.forEachRoom(room -> sink.accept(row(room))),
                number -> Stream.ofNullable(memory.room(number)).map(Fold::row));
        private final FoldedTable<UUID> stays = new FoldedTable<>("availability_stay",
                List.of("reservation_id", "room_number", "check_in", "check_out", "out_of_service"), "reservation_id",
                "uuid", sink -> memory.forEachStay((id, room, stay, blocked) -> sink.accept(row(id, room, stay, blocked))),
                id -> {
                    Stream.Builder<Object[]> rows = Stream.builder();
                    memory.forEachStayOf(id, (same, room, stay, blocked) -> rows.add(row(same, room, stay, blocked)));
                    return rows.build();
                });

        @Override
        public void apply(StoredEvent event) {
            Object payload = event.payload();
            if (payload instanceof RoomReserved reserved) {
                projection.on(reserved, null);
            } else if (payload instanceof RoomReleased released) {
                projection.on(released, null);
            } else if (payload instanceof RoomRegistered registered) {
                projection.on(registered, null);
            } else if (payload instanceof StayChanged changed) {
                projection.on(changed, null);
            } else if (payload instanceof StayMovedIn movedIn) {
                projection.on(movedIn, null);
            } else if (payload instanceof RoomHeld held) {
                projection.on(held, null);
            } else if (payload instanceof NightsBlocked blocked) {
                projection.on(blocked, null);
            } else if (payload instanceof BlockLifted lifted) {
                projection.on(lifted, null);
            }
            // HoldConfirmed changes nothing here: the held nights were taken when the hold was made
        }

        @Override
        public List<FoldedTable<?>> tables() {
            return List.of(rooms, stays);
        }

        private static Object[] row(Room room) {
            return new Object[]{room.roomNumber(), room.type().name(), room.capacity(), room.nightlyRate()};
        }

        private static Object[] row(UUID id, String roomNumber, Stay stay, boolean outOfService) {
            return new Object[]{id, roomNumber, stay.checkIn(), stay.checkOut(), outOfService};
        }

        @Override
        public void putRoom(Room room) {
            memory.putRoom(room);
            rooms.changed(room.roomNumber());
        }

        @Override
        public Room room(String roomNumber) {
            return memory.room(roomNumber);
        }

        @Override
        public boolean addStay(UUID reservationId, String roomNumber, Stay stay) {
            stays.changed(reservationId);
            return memory.addStay(reservationId, roomNumber, stay);
        }

        @Override
        public boolean removeStay(UUID reservationId, String roomNumber) {
            stays.changed(reservationId);
            return memory.removeStay(reservationId, roomNumber);
        }

        @Override
        public boolean changeStay(UUID reservationId, String roomNumber, Stay previous, Stay stay) {
            stays.changed(reservationId);
            return memory.changeStay(reservationId, roomNumber, previous, stay);
        }

        @Override
        public boolean addBlock(UUID blockId, String roomNumber, Stay nights) {
            stays.changed(blockId);
            return memory.addBlock(blockId, roomNumber, nights);
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException("A rebuild starts empty");
        }
    }
}
