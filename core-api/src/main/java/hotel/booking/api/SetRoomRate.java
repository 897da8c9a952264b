package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SetRoomRate(@TargetAggregateIdentifier String roomNumber, RateOverride rate) {
}
