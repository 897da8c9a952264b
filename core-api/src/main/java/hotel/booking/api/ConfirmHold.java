package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Make a hold a reservation; {@code at} is when the guest asked, which must be before the hold expires. */
public record ConfirmHold(@TargetAggregateIdentifier String roomNumber,
                          UUID reservationId,
                          Instant at) {
}
