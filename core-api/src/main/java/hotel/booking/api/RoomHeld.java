package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Nights of a room are held for a guest until {@code expiresAt}: taken for everyone else, and given
 * back ({@link RoomReleased} with {@link ReleaseReason#HOLD_EXPIRED}) unless confirmed in time.
 *
 * @param nightlyPrices the price agreed for each night, from the room's rates (as a quote gives it);
 *                      null in holds recorded before rates by date existed
 * @param currency      of the prices; null in those older events, which were in the hotel's currency
 */
@Revision("1")
public record RoomHeld(String roomNumber,
                       UUID reservationId,
                       Stay stay,
                       BigDecimal totalPrice,
                       Instant expiresAt,
                       Guest guest,
                       List<NightPrice> nightlyPrices,
                       String currency) {
    /** A hold without its price night by night (as recorded before rates by date). */
    public RoomHeld(String roomNumber, UUID reservationId, Stay stay, BigDecimal totalPrice, Instant expiresAt,
                    Guest guest) {
        this(roomNumber, reservationId, stay, totalPrice, expiresAt, guest, null, null);
    }

    public RoomHeld(String roomNumber, UUID reservationId, Stay stay, StayPrice price, Instant expiresAt,
                    Guest guest) {
        this(roomNumber, reservationId, stay, price.total(), expiresAt, guest, price.nights(), price.currency());
    }
}
