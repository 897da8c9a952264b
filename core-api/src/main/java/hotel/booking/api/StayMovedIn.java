package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * This room took the nights of a reservation moving in from {@code fromRoom}, under the same
 * reservation id, at the price its own rates gave; {@code fromRoom} holds them too until it releases
 * them (reason {@code MOVED}), or this room gives them back if that fails (reason {@code MOVE_UNDONE}).
 * The guest moves with the stay, sealed in the event store like any guest, so erasing it erases it here too.
 */
@Revision("1")
public record StayMovedIn(String roomNumber,
                          UUID reservationId,
                          Stay stay,
                          BigDecimal totalPrice,
                          List<NightPrice> nightlyPrices,
                          String currency,
                          String fromRoom,
                          UUID moveId,
                          Guest guest) {

    public StayMovedIn(String roomNumber, UUID reservationId, Stay stay, StayPrice price, String fromRoom,
                       UUID moveId, Guest guest) {
        this(roomNumber, reservationId, stay, price.total(), price.nights(), price.currency(), fromRoom, moveId, guest);
    }
}
