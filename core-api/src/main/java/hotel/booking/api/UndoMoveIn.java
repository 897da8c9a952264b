package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Compensation: the target room gives back the nights of a move that could not complete. */
public record UndoMoveIn(@TargetAggregateIdentifier String roomNumber, UUID reservationId, UUID moveId) {
}
