package hotel.booking.query.availability;

/** Where the availability projection reports its changes: the live feed, or nowhere (rebuilds, the past). */
@FunctionalInterface
public interface ChangeRecorder {

    ChangeRecorder NONE = (change, eventIndex) -> {
    };

    void record(AvailabilityChange change, Long eventIndex);
}
