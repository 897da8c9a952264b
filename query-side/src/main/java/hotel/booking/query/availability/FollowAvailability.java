package hotel.booking.query.availability;

/**
 * A subscription to availability: its initial result says where to start ({@link StreamStart}),
 * its updates are every later {@link AvailabilityChange} that touches the query.
 *
 * @param lastEventId the last change a reconnecting client saw, or null for a fresh start
 */
public record FollowAvailability(AvailabilityQuery query, Long lastEventId) {
}
