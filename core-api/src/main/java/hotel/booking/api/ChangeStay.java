package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** New dates for a reservation, in the same room. */
public record ChangeStay(@TargetAggregateIdentifier String roomNumber, UUID reservationId, Stay stay) {
}
