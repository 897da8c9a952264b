package hotel.booking.query.report;

public record ReportOccupancy(DateRange nights) {
}
