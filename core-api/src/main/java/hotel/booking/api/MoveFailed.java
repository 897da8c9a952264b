package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** A move of a reservation of this room failed; it keeps its stay here. {@code rejection} names the reason. */
@Revision("1")
public record MoveFailed(String roomNumber, UUID reservationId, String targetRoom, UUID moveId, String rejection,
                         String detail) {
}
