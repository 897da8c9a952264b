package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * A reservation of this room is to move to {@code targetRoom}; it keeps its nights here until it has them there.
 * It carries the reservation's guest (sealed in the event store) for the target room to keep.
 */
@Revision("1")
public record MoveRequested(String roomNumber, UUID reservationId, Stay stay, String targetRoom, UUID moveId,
                            Guest guest) {
}
