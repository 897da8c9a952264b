package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Nights of a room are out of service: nobody can book or hold them until the block is lifted. */
@Revision("1")
public record NightsBlocked(String roomNumber, UUID blockId, Stay nights, String reason) {
}
