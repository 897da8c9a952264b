package hotel.booking.command.reservation;

import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.command.room.Rejection;
import hotel.booking.command.room.RoomRuleViolation;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Which room holds each reservation, kept by a subscribing processor in the transaction that
 * appends the events: consistent the moment a booking is accepted, and the primary key refuses one
 * reservation id for two rooms (the whole booking is then rolled back).
 */
@Component
@ProcessingGroup(ReservationRegistry.PROCESSING_GROUP)
class ReservationRegistry {

    static final String PROCESSING_GROUP = "reservation-registry";

    record Entry(String roomNumber, boolean released) {
    }

    private final JdbcClient jdbc;

    ReservationRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(UUID reservationId) {
        return jdbc.sql("SELECT room_number, released FROM reservation_registry WHERE reservation_id = ?")
                   .param(reservationId)
                   .query((rs, n) -> new Entry(rs.getString(1), rs.getBoolean(2)))
                   .optional();
    }

    @EventHandler
    void on(RoomReserved event) {
        try {
            jdbc.sql("INSERT INTO reservation_registry (reservation_id, room_number) VALUES (?, ?)")
                .params(event.reservationId(), event.roomNumber())
                .update();
        } catch (DuplicateKeyException e) {
            throw new RoomRuleViolation(Rejection.RESERVATION_ID_CONFLICT,
                    "Reservation " + event.reservationId() + " is already used for another room");
        }
    }

    /** A hold is a reservation not yet confirmed: found the same way, under the same key. */
    @EventHandler
    void on(RoomHeld event) {
        on(new RoomReserved(event.roomNumber(), event.reservationId(), event.stay(), event.totalPrice(),
                event.guest()));
    }

    /** Released where the registry has it; a move's releases only move it (see {@link ReservationMoves}). */
    @EventHandler
    void on(RoomReleased event) {
        if (event.reason() == ReleaseReason.MOVED || event.reason() == ReleaseReason.MOVE_UNDONE) {
            return;
        }
        jdbc.sql("UPDATE reservation_registry SET released = TRUE WHERE reservation_id = ? AND room_number = ?")
            .params(event.reservationId(), event.roomNumber())
            .update();
    }
}
