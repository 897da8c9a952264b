package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Nights of a room are held for a guest until {@code expiresAt}: taken for everyone else, and given
 * back ({@link RoomReleased} with {@link ReleaseReason#HOLD_EXPIRED}) unless confirmed in time.
 */
@Revision("1")
public record RoomHeld(String roomNumber,
                       UUID reservationId,
                       Stay stay,
                       BigDecimal totalPrice,
                       Instant expiresAt,
                       Guest guest) {
}
