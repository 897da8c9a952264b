package hotel.booking.query.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/**
 * The stays arriving in one month (within the report's range) and how many days before check-in
 * they were booked; the figures are empty in a month without stays.
 *
 * @param distribution the number of stays per band of lead days ({@link LeadTimeReport#BANDS})
 */
public record LeadTimeMonth(YearMonth month, int stays, BigDecimal averageDays, BigDecimal medianDays,
                            BigDecimal p90Days, Integer maxDays, Map<String, Integer> distribution) {
}
