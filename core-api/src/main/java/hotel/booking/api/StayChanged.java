package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A reservation's dates changed in one decision: it held {@code previousStay} until this event and
 * holds {@code stay} from it on, at the price the room's rates gave at that moment.
 */
@Revision("1")
public record StayChanged(String roomNumber,
                          UUID reservationId,
                          Stay previousStay,
                          Stay stay,
                          BigDecimal totalPrice,
                          List<NightPrice> nightlyPrices,
                          String currency) {

    public StayChanged(String roomNumber, UUID reservationId, Stay previousStay, Stay stay, StayPrice price) {
        this(roomNumber, reservationId, previousStay, stay, price.total(), price.nights(), price.currency());
    }
}
