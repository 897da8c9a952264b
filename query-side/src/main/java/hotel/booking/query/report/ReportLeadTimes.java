package hotel.booking.query.report;

/** How long before check-in the stays arriving in a range were booked. */
public record ReportLeadTimes(DateRange checkIns) {
}
