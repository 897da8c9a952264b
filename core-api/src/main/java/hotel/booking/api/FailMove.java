package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Tells the room a reservation was to leave that the move failed, and why; the reservation stays. */
public record FailMove(@TargetAggregateIdentifier String roomNumber, UUID reservationId, UUID moveId,
                       String rejection, String detail) {
}
