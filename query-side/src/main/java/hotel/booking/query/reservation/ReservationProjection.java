package hotel.booking.query.reservation;

import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Each reservation as its guest and the front desk see it. */
@Component
@ProcessingGroup(ReservationProjection.PROCESSING_GROUP)
public class ReservationProjection {

    public static final String PROCESSING_GROUP = "reservations";

    private final JdbcClient jdbc;

    public ReservationProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RoomReserved event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                 INSERT INTO reservation_view (reservation_id, room_number, check_in, check_out, total_price,
                                               status, guest_name, guest_email, booked_at)
                 VALUES (?, ?, ?, ?, ?, 'CONFIRMED', ?, ?, ?)
                 ON CONFLICT (reservation_id) DO NOTHING
                 """)
            .params(event.reservationId(), event.roomNumber(), event.stay().checkIn(), event.stay().checkOut(),
                    event.totalPrice(), event.guest().name(), event.guest().email(), Timestamp.from(at))
            .update();
    }

    @EventHandler
    void on(RoomReleased event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                 UPDATE reservation_view SET status = 'CANCELLED', released_at = ?, release_reason = ?
                 WHERE reservation_id = ?
                 """)
            .params(Timestamp.from(at), event.reason().name(), event.reservationId())
            .update();
    }

    @EventHandler
    void on(RoomHeld event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                 INSERT INTO reservation_view (reservation_id, room_number, check_in, check_out, total_price,
                                               status, guest_name, guest_email, booked_at, hold_expires_at)
                 VALUES (?, ?, ?, ?, ?, 'HELD', ?, ?, ?, ?)
                 ON CONFLICT (reservation_id) DO NOTHING
                 """)
            .params(event.reservationId(), event.roomNumber(), event.stay().checkIn(), event.stay().checkOut(),
                    event.totalPrice(), event.guest().name(), event.guest().email(), Timestamp.from(at),
                    Timestamp.from(event.expiresAt()))
            .update();
    }

    @EventHandler
    void on(HoldConfirmed event) {
        jdbc.sql("UPDATE reservation_view SET status = 'CONFIRMED' WHERE reservation_id = ? AND status = 'HELD'")
            .param(event.reservationId())
            .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE reservation_view").update();
    }

    @QueryHandler
    Optional<ReservationView> handle(FindReservation query) {
        return jdbc.sql("""
                        SELECT reservation_id, room_number, check_in, check_out, total_price, status,
                               guest_name, guest_email, booked_at, released_at, release_reason, hold_expires_at
                        FROM reservation_view WHERE reservation_id = ?
                        """)
                   .param(query.reservationId())
                   .query(ReservationProjection::view)
                   .optional();
    }

    private static ReservationView view(ResultSet rs, int row) throws SQLException {
        var checkIn = rs.getDate("check_in").toLocalDate();
        var checkOut = rs.getDate("check_out").toLocalDate();
        return new ReservationView(rs.getObject("reservation_id", UUID.class), rs.getString("room_number"),
                checkIn, checkOut, ChronoUnit.DAYS.between(checkIn, checkOut), rs.getBigDecimal("total_price"),
                ReservationStatus.valueOf(rs.getString("status")), rs.getString("guest_name"),
                rs.getString("guest_email"), instant(rs.getTimestamp("booked_at")),
                instant(rs.getTimestamp("released_at")), rs.getString("release_reason"),
                instant(rs.getTimestamp("hold_expires_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
