package hotel.booking.query.reservation;

public enum ReservationStatus {
    HELD,
    CONFIRMED,
    CANCELLED
}
