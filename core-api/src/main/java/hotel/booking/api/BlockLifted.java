package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Blocked nights are back in service; carries the nights so readers need no lookup. */
@Revision("1")
public record BlockLifted(String roomNumber, UUID blockId, Stay nights) {
}
