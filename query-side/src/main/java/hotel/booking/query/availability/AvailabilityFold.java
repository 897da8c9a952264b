package hotel.booking.query.availability;

import hotel.booking.api.BlockLifted;
import hotel.booking.api.NightsBlocked;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;

import java.util.List;

/**
 * The availability of one query's rooms and nights, folded from events handed over one at a time
 * in the order each room decided them: the past as it was, by the live projection's own logic.
 * Holds only what the answer can show, however long the history.
 */
public final class AvailabilityFold {

    private final AvailabilityQuery query;
    private final InMemoryAvailability store;
    private final AvailabilityProjection projection;

    public AvailabilityFold(AvailabilityQuery query) {
        this.query = query;
        this.store = InMemoryAvailability.scopedTo(query);
        this.projection = store.projection();
    }

    /** Takes one event into account; events that do not change availability are ignored. */
    public void apply(Object event) {
        if (event instanceof RoomRegistered registered) {
            projection.on(registered, null);
        } else if (event instanceof RoomReserved reserved) {
            projection.on(reserved, null);
        } else if (event instanceof RoomReleased released) {
            projection.on(released, null);
        } else if (event instanceof StayChanged changed) {
            projection.on(changed, null);
        } else if (event instanceof StayMovedIn movedIn) {
            projection.on(movedIn, null);
        } else if (event instanceof RoomHeld held) {
            projection.on(held, null);
        } else if (event instanceof NightsBlocked blocked) {
            projection.on(blocked, null);
        } else if (event instanceof BlockLifted lifted) {
            projection.on(lifted, null);
        }
    }

    public List<RoomAvailability> rooms() {
        return store.read(query);
    }
}
