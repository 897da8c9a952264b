package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record ReserveRoom(@TargetAggregateIdentifier String roomNumber,
                          UUID reservationId,
                          Stay stay,
                          Guest guest) {
}
