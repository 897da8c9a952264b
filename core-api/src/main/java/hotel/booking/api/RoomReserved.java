package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Nights of a room were reserved. Everything but {@code guest} is free of personal data:
 * availability, reports and replays read only those fields.
 *
 * @param totalPrice the price agreed for the whole stay
 */
@Revision("1")
public record RoomReserved(String roomNumber,
                           UUID reservationId,
                           Stay stay,
                           BigDecimal totalPrice,
                           Guest guest) {
}
