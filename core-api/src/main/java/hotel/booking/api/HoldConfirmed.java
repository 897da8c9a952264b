package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A hold became a reservation: its nights stay taken, now for good, at the price the hold recorded.
 *
 * @param nightlyPrices as the hold recorded them; null for holds recorded before rates by date existed
 * @param currency      of the prices; null in those older events, which were in the hotel's currency
 */
@Revision("1")
public record HoldConfirmed(String roomNumber,
                            UUID reservationId,
                            Stay stay,
                            BigDecimal totalPrice,
                            List<NightPrice> nightlyPrices,
                            String currency) {
    /** A confirmation without the price night by night (as recorded before rates by date). */
    public HoldConfirmed(String roomNumber, UUID reservationId, Stay stay, BigDecimal totalPrice) {
        this(roomNumber, reservationId, stay, totalPrice, null, null);
    }
}
