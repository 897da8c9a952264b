package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Nights of a room were reserved. Everything but {@code guest} is free of personal data:
 * availability, reports and replays read only those fields.
 *
 * @param totalPrice    the price agreed for the whole stay
 * @param nightlyPrices the price agreed for each night; null in events recorded before rates by date
 *                      existed, when every night cost the room's nightly rate
 * @param currency      of the prices; null in those older events, which were in the hotel's currency
 */
@Revision("1")
public record RoomReserved(String roomNumber,
                           UUID reservationId,
                           Stay stay,
                           BigDecimal totalPrice,
                           Guest guest,
                           List<NightPrice> nightlyPrices,
                           String currency) {

    /** A booking without its price night by night (as recorded before rates by date). */
    public RoomReserved(String roomNumber, UUID reservationId, Stay stay, BigDecimal totalPrice, Guest guest) {
        this(roomNumber, reservationId, stay, totalPrice, guest, null, null);
    }

    public RoomReserved(String roomNumber, UUID reservationId, Stay stay, StayPrice price, Guest guest) {
        this(roomNumber, reservationId, stay, price.total(), guest, price.nights(), price.currency());
    }
}
