package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Put blocked nights back in service. */
public record LiftBlock(@TargetAggregateIdentifier String roomNumber, UUID blockId) {
}
