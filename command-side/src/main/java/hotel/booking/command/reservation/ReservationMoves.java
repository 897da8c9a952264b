package hotel.booking.command.reservation;

import hotel.booking.api.MoveFailed;
import hotel.booking.api.MoveRequested;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.StayMovedIn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Each move and its outcome, kept with the reservation registry in the transaction of its events:
 * the registry follows a reservation to its new room the moment the old room releases it, so a
 * cancel always finds the room that holds it, and whoever asked for the move reads the outcome here.
 */
@Component
@ProcessingGroup(ReservationRegistry.PROCESSING_GROUP)
class ReservationMoves {

    enum Status { PENDING, MOVED, FAILED }

    record Move(UUID moveId, UUID reservationId, String fromRoom, String toRoom, LocalDate checkIn,
                LocalDate checkOut, Status status, BigDecimal totalPrice, String currency, String rejection,
                String detail) {
    }

    private final JdbcClient jdbc;

    ReservationMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Move> find(UUID moveId) {
        return jdbc.sql("""
                        SELECT move_id, reservation_id, from_room, to_room, check_in, check_out, status,
                               total_price, currency, rejection, detail
                        FROM reservation_move WHERE move_id = ?
                        """)
                   .param(moveId)
                   .query((rs, n) -> new Move(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                           rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                           rs.getDate(6).toLocalDate(), Status.valueOf(rs.getString(7)), rs.getBigDecimal(8),
                           rs.getString(9), rs.getString(10), rs.getString(11)))
                   .optional();
    }

    @EventHandler
    void on(MoveRequested event) {
        jdbc.sql("""
                 INSERT INTO reservation_move (move_id, reservation_id, from_room, to_room, check_in, check_out, status)
                 VALUES (?, ?, ?, ?, ?, ?, 'PENDING')
                 """)
            .params(event.moveId(), event.reservationId(), event.roomNumber(), event.targetRoom(),
                    event.stay().checkIn(), event.stay().checkOut())
            .update();
    }

    @EventHandler
    void on(StayMovedIn event) {
        jdbc.sql("UPDATE reservation_move SET total_price = ?, currency = ? WHERE move_id = ?")
            .params(event.totalPrice(), event.currency(), event.moveId())
            .update();
    }

    @EventHandler
    void on(RoomReleased event) {
        if (event.reason() != ReleaseReason.MOVED) {
            return;
        }
        jdbc.sql("""
                 UPDATE reservation_registry r SET room_number = m.to_room
                 FROM reservation_move m
                 WHERE r.reservation_id = ? AND r.room_number = ? AND m.reservation_id = r.reservation_id
                   AND m.from_room = r.room_number AND m.status = 'PENDING'
                 """)
            .params(event.reservationId(), event.roomNumber())
            .update();
        jdbc.sql("""
                 UPDATE reservation_move SET status = 'MOVED'
                 WHERE reservation_id = ? AND from_room = ? AND status = 'PENDING'
                 """)
            .params(event.reservationId(), event.roomNumber())
            .update();
    }

    @EventHandler
    void on(MoveFailed event) {
        jdbc.sql("UPDATE reservation_move SET status = 'FAILED', rejection = ?, detail = ? WHERE move_id = ?")
            .params(event.rejection(), truncated(event.detail()), event.moveId())
            .update();
    }

    private static String truncated(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }
}
