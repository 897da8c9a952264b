package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Asks the room holding a reservation to let it move to {@code targetRoom}, same nights. */
public record RequestMove(@TargetAggregateIdentifier String roomNumber, UUID reservationId, String targetRoom,
                          UUID moveId) {
}
