package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Keep the nights of a stay for a guest while they pay, until {@code expiresAt}. */
public record HoldRoom(@TargetAggregateIdentifier String roomNumber,
                       UUID reservationId,
                       Stay stay,
                       Guest guest,
                       Instant expiresAt) {
}
