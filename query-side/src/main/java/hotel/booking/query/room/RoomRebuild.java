package hotel.booking.query.room;

import hotel.booking.api.RoomRegistered;
import hotel.booking.query.replay.FoldedTable;
import hotel.booking.query.replay.ProjectionFold;
import hotel.booking.query.replay.RebuildableProjection;
import hotel.booking.query.replay.StoredEvent;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Stream;

/** Rebuilds {@code room_view} in memory as {@link RoomProjection} writes it: the last registration of a room wins. */
@Component
class RoomRebuild implements RebuildableProjection {

    @Override
    public Class<?> liveProjection() {
        return RoomProjection.class;
    }

    /** Counts and dates only: the guests stay sealed. */
    @Override
    public boolean readsGuests() {
        return false;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return Set.of(RoomRegistered.class);
    }

    @Override
    public String name() {
        return RoomProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("room_view");
    }

    @Override
    public ProjectionFold newFold() {
        Map<String, Object[]> rooms = new LinkedHashMap<>();
        FoldedTable<String> table = new FoldedTable<>("room_view", List.of("room_number", "type", "capacity", "nightly_rate"),
                "room_number", "text", sink -> rooms.values().forEach(sink),
                number -> Stream.ofNullable(rooms.get(number)));
        return new ProjectionFold() {
            @Override
            public void apply(StoredEvent event) {
                if (event.payload() instanceof RoomRegistered registered) {
                    rooms.put(registered.roomNumber(), new Object[]{registered.roomNumber(), registered.type().name(),
                            registered.capacity(), registered.nightlyRate()});
                    table.changed(registered.roomNumber());
                }
            }

            @Override
            public List<FoldedTable<?>> tables() {
                return List.of(table);
            }
        };
    }
}
