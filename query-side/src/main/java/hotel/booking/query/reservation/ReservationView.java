package hotel.booking.query.reservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** @param guestErased the guest's personal data was erased: no name, no e-mail, the booking unchanged */
public record ReservationView(UUID reservationId,
                              String roomNumber,
                              LocalDate checkIn,
                              LocalDate checkOut,
                              long nights,
                              BigDecimal totalPrice,
                              ReservationStatus status,
                              String guestName,
                              String guestEmail,
                              boolean guestErased,
                              Instant bookedAt,
                              Instant releasedAt,
                              String releaseReason,
                              Instant holdExpiresAt) {

    public ReservationView(UUID reservationId, String roomNumber, LocalDate checkIn, LocalDate checkOut, long nights,
                           BigDecimal totalPrice, ReservationStatus status, String guestName, String guestEmail,
                           Instant bookedAt, Instant releasedAt, String releaseReason) {
        this(reservationId, roomNumber, checkIn, checkOut, nights, totalPrice, status, guestName, guestEmail,
                false, bookedAt, releasedAt, releaseReason, null);
    }
}
