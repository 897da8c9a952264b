package hotel.booking.query.reservation;

import hotel.booking.api.StayPrice;

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
                              String currency,
                              Instant holdExpiresAt) {

    public ReservationView(UUID reservationId, String roomNumber, LocalDate checkIn, LocalDate checkOut, long nights,
                           BigDecimal totalPrice, ReservationStatus status, String guestName, String guestEmail,
                           Instant bookedAt, Instant releasedAt, String releaseReason) {
        this(reservationId, roomNumber, checkIn, checkOut, nights, totalPrice, status, guestName, guestEmail,
                false, bookedAt, releasedAt, releaseReason, StayPrice.HOTEL_CURRENCY, null);
    }
}
