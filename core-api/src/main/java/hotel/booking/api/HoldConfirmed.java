package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.UUID;

/** A hold became a reservation: its nights stay taken, now for good. */
@Revision("1")
public record HoldConfirmed(String roomNumber, UUID reservationId, Stay stay, BigDecimal totalPrice) {
}
