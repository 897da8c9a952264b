package hotel.booking.query.availability;

import java.time.LocalDate;
import java.util.List;

/**
 * Availability for a range of nights as it stood after change {@code position} of the change feed.
 */
public record AvailabilitySnapshot(LocalDate from, LocalDate to, long position, List<RoomAvailability> rooms) {
}
