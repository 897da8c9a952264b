package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record ReleaseRoom(@TargetAggregateIdentifier String roomNumber,
                          UUID reservationId,
                          ReleaseReason reason) {
}
