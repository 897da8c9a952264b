package hotel.booking.query.availability;

import java.util.List;

/**
 * Where a subscriber starts: either a fresh snapshot, or (for a client resuming after
 * {@code lastEventId}) just the changes it missed. Later updates with an id at or below
 * {@code position} are already accounted for.
 */
public record StreamStart(long position, AvailabilitySnapshot snapshot, List<AvailabilityChange> missed) {

    static StreamStart fresh(AvailabilitySnapshot snapshot) {
        return new StreamStart(snapshot.position(), snapshot, null);
    }

    static StreamStart resumed(long position, List<AvailabilityChange> missed) {
        return new StreamStart(position, null, missed);
    }

    public boolean isResumed() {
        return snapshot == null;
    }
}
