package hotel.booking.query.reservation;

import java.util.UUID;

public record FindReservation(UUID reservationId) {
}
