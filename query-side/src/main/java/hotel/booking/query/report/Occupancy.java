package hotel.booking.query.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rooms sold out of the rooms there were, as a percentage with two decimals. */
final class Occupancy {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Occupancy() {
    }

    static BigDecimal percent(long roomsSold, long rooms) {
        if (rooms == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(roomsSold).multiply(HUNDRED).divide(BigDecimal.valueOf(rooms), 2, RoundingMode.HALF_UP);
    }
}
