package hotel.booking.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Take nights of a room out of service (maintenance); refused while a reservation holds any of them. */
public record BlockNights(@TargetAggregateIdentifier String roomNumber,
                          UUID blockId,
                          Stay nights,
                          String reason) {
}
