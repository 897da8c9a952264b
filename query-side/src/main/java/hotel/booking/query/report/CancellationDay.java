package hotel.booking.query.report;

import hotel.booking.api.ReleaseReason;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One day: the bookings made, and the reservations released (cancelled or expired) with why,
 * how many nights they gave back and the revenue those nights were worth.
 */
public record CancellationDay(LocalDate date, int bookings, int cancellations, Map<ReleaseReason, Integer> byReason,
                              int cancelledNights, BigDecimal cancelledRevenue) {
}
