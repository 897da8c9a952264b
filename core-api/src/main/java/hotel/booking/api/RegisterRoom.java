package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

public record RegisterRoom(@TargetAggregateIdentifier String roomNumber,
                           RoomType type,
                           int capacity,
                           BigDecimal nightlyRate) {
}
