package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The last step of a move: the room it leaves releases the reservation (reason {@code MOVED}). */
public record CompleteMove(@TargetAggregateIdentifier String roomNumber, UUID reservationId, UUID moveId) {
}
