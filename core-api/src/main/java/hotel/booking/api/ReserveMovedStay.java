package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The first step of a move: the target room takes the nights of a reservation that another room still holds. */
public record ReserveMovedStay(@TargetAggregateIdentifier String roomNumber, UUID reservationId, Stay stay,
                               String fromRoom, UUID moveId, Guest guest) {
}
