package hotel.booking.query.availability;

import hotel.booking.api.BlockLifted;
import hotel.booking.api.NightsBlocked;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.Stay;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which nights of which room are taken, and the changes the live stream is made of. Live, it runs
 * in a single segment on purpose: the change feed must have one order, the order it was applied in.
 * The same logic folds the history into memory for rebuilds and for the past as it was.
 */
@Component
@ProcessingGroup(AvailabilityProjection.PROCESSING_GROUP)
public class AvailabilityProjection {

    public static final String PROCESSING_GROUP = "availability";

    private final AvailabilityStore store;
    private final ChangeRecorder changes;

    @Autowired
    AvailabilityProjection(JdbcAvailabilityStore store, ChangeFeed changes) {
        this((AvailabilityStore) store, changes);
    }

    AvailabilityProjection(AvailabilityStore store, ChangeRecorder changes) {
        this.store = store;
        this.changes = changes;
    }

    @EventHandler
    void on(RoomRegistered event, TrackingToken token) {
        store.putRoom(new AvailabilityStore.Room(event.roomNumber(), event.type(), event.capacity(),
                event.nightlyRate()));
        changes.record(new AvailabilityChange(0, AvailabilityChange.Kind.ROOM, event.roomNumber(), event.type(),
                event.capacity(), event.nightlyRate(), null, null, true), position(token));
    }

    @EventHandler
    void on(RoomReserved event, TrackingToken token) {
        if (store.addStay(event.reservationId(), event.roomNumber(), event.stay())) {
            nightsChanged(event.roomNumber(), event.stay(), false, token);
        }
    }

    @EventHandler
    void on(RoomReleased event, TrackingToken token) {
        if (store.removeStay(event.reservationId(), event.roomNumber())) {
            nightsChanged(event.roomNumber(), event.stay(), true, token);
        }
    }

    /** The old nights freed and the new ones taken, in one transaction: readers never see neither. */
    @EventHandler
    void on(StayChanged event, TrackingToken token) {
        if (store.changeStay(event.reservationId(), event.roomNumber(), event.previousStay(), event.stay())) {
            for (Stay freed : nightsOf(event.previousStay(), event.stay())) {
                nightsChanged(event.roomNumber(), freed, true, token);
            }
            for (Stay taken : nightsOf(event.stay(), event.previousStay())) {
                nightsChanged(event.roomNumber(), taken, false, token);
            }
        }
    }

    @EventHandler
    void on(RoomHeld event, TrackingToken token) {
        if (store.addStay(event.reservationId(), event.roomNumber(), event.stay())) {
            nightsChanged(event.roomNumber(), event.stay(), false, token);
        }
    }

    @EventHandler
    void on(StayMovedIn event, TrackingToken token) {
        if (store.addStay(event.reservationId(), event.roomNumber(), event.stay())) {
            nightsChanged(event.roomNumber(), event.stay(), false, token);
        }
    }

    /** The nights of {@code stay} that {@code other} does not have, as at most two runs of nights. */
    static java.util.List<Stay> nightsOf(Stay stay, Stay other) {
        if (!stay.overlaps(other)) {
            return java.util.List.of(stay);
        }
        java.util.List<Stay> runs = new java.util.ArrayList<>(2);
        if (stay.checkIn().isBefore(other.checkIn())) {
            runs.add(new Stay(stay.checkIn(), other.checkIn()));
        }
        if (other.checkOut().isBefore(stay.checkOut())) {
            runs.add(new Stay(other.checkOut(), stay.checkOut()));
        }
        return runs;
    }

    @EventHandler
    void on(NightsBlocked event, TrackingToken token) {
        if (store.addBlock(event.blockId(), event.roomNumber(), event.nights())) {
            blockChanged(event.roomNumber(), event.nights(), false, token);
        }
    }

    @EventHandler
    void on(BlockLifted event, TrackingToken token) {
        if (store.removeStay(event.blockId(), event.roomNumber())) {
            blockChanged(event.roomNumber(), event.nights(), true, token);
        }
    }

    private void blockChanged(String roomNumber, Stay nights, boolean available, TrackingToken token) {
        AvailabilityStore.Room room = store.room(roomNumber);
        changes.record(new AvailabilityChange(0, AvailabilityChange.Kind.BLOCKED, roomNumber, room.type(),
                room.capacity(), null, nights.checkIn(), nights.checkOut(), available), position(token));
    }

    @ResetHandler
    void reset() {
        store.clear();
        if (changes instanceof ChangeFeed feed) {
            feed.forgetAll();
        }
    }

    private void nightsChanged(String roomNumber, Stay stay, boolean available, TrackingToken token) {
        AvailabilityStore.Room room = store.room(roomNumber);
        changes.record(new AvailabilityChange(0, AvailabilityChange.Kind.NIGHTS, roomNumber, room.type(),
                room.capacity(), null, stay.checkIn(), stay.checkOut(), available), position(token));
    }

    private static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        var position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }
}
