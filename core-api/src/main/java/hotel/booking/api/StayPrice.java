package hotel.booking.api;

import java.math.BigDecimal;
import java.util.List;

/** What a stay costs: the total, in the hotel's currency, and night by night. */
public record StayPrice(BigDecimal total, String currency, List<NightPrice> nights) {

    /** The hotel's one currency, recorded with every price agreed. */
    public static final String HOTEL_CURRENCY = "EUR";

    public StayPrice {
        nights = List.copyOf(nights);
    }
}
