package hotel.booking.query.reservation;

public enum ReservationStatus {
    CONFIRMED,
    CANCELLED
}
