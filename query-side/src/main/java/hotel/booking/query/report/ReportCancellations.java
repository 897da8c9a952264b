package hotel.booking.query.report;

/** Bookings made and released on each day of a range. */
public record ReportCancellations(DateRange days) {
}
