package hotel.booking.api;

import org.axonframework.serialization.Revision;

/** Staff set a nightly rate for some dates of a room; later bookings of those nights pay it. */
@Revision("1")
public record RoomRateSet(String roomNumber, RateOverride rate) {
}
