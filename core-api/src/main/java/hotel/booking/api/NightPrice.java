package hotel.booking.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The price of one night of a stay. */
public record NightPrice(LocalDate night, BigDecimal price) {
}
