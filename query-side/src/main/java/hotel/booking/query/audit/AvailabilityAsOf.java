package hotel.booking.query.audit;

import hotel.booking.query.availability.RoomAvailability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Availability for a range of nights as it stood at instant {@code asOf}: the same shape as
 * {@code GET /api/availability}.
 *
 * @param position the event store position of the last event the answer takes into account
 *                 (0 when there is none), as in the audit history
 */
public record AvailabilityAsOf(Instant asOf, LocalDate from, LocalDate to, long position,
                               List<RoomAvailability> rooms) {
}
