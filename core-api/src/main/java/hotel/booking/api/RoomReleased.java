package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The nights of a reservation became free again; carries the stay so readers need no lookup. */
@Revision("1")
public record RoomReleased(String roomNumber, UUID reservationId, Stay stay, ReleaseReason reason) {
}
