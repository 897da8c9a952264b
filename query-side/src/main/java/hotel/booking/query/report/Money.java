package hotel.booking.query.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts of money in the reports: two decimals. */
final class Money {

    private Money() {
    }

    static BigDecimal of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
