package hotel.booking.query.reservation;

import hotel.booking.api.Guest;
import hotel.booking.api.GuestErased;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;
import hotel.booking.api.StayPrice;
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
    /** The first key of the advisory locks on guests, so they meet no other lock of the application. */
    private static final int GUEST_LOCKS = 0x6775_6573;

    private final JdbcClient jdbc;

    public ReservationProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The guest's name and e-mail, unless the guest is erased: the key is gone, or the erasure was
     * already projected (in another segment, while this node still had the key in its cache).
     */
    @EventHandler
    void on(RoomReserved event, @org.axonframework.eventhandling.Timestamp Instant at) {
        Guest guest = event.guest();
        lockGuest(guest.guestId(), "pg_advisory_xact_lock_shared");
        boolean erased = guest.erased() || erasedSince(guest.guestId(), at);
        jdbc.sql("""
                 INSERT INTO reservation_view (reservation_id, room_number, check_in, check_out, total_price,
                                               status, guest_id, guest_name, guest_email, guest_erased, booked_at,
                                               currency)
                 VALUES (?, ?, ?, ?, ?, 'CONFIRMED', ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (reservation_id) DO NOTHING
                 """)
            .params(event.reservationId(), event.roomNumber(), event.stay().checkIn(), event.stay().checkOut(),
                    event.totalPrice(), guest.guestId(), erased ? null : guest.name(), erased ? null : guest.email(),
                    erased, Timestamp.from(at), currencyOf(event.currency()))
            .update();
    }

    /** Drops the name and e-mail of the guest's reservations booked until then; the bookings stay. */
    @EventHandler
    void on(GuestErased event) {
        lockGuest(event.guestId(), "pg_advisory_xact_lock");
        jdbc.sql("""
                 INSERT INTO reservation_guest_erasure (guest_id, erased_by, erased_at) VALUES (?, ?, ?)
                 ON CONFLICT (guest_id) DO UPDATE SET erased_by = excluded.erased_by, erased_at = excluded.erased_at
                 WHERE reservation_guest_erasure.erased_at < excluded.erased_at
                 """)
            .params(event.guestId(), event.erasedBy(), Timestamp.from(event.erasedAt()))
            .update();
        jdbc.sql("""
                 UPDATE reservation_view SET guest_name = NULL, guest_email = NULL, guest_erased = TRUE
                 WHERE guest_id = ? AND booked_at <= ?
                 """)
            .params(event.guestId(), Timestamp.from(event.erasedAt()))
            .update();
    }

    private boolean erasedSince(String guestId, Instant bookedAt) {
        return guestId != null && jdbc.sql("""
                                           SELECT count(*) FROM reservation_guest_erasure
                                           WHERE guest_id = ? AND erased_at >= ?""")
                                      .params(guestId, Timestamp.from(bookedAt))
                                      .query(Long.class).single() > 0;
    }

    /**
     * Bookings of a guest (shared) and the guest's erasure (exclusive) are projected one after the
     * other, even from different segments, so neither misses the other.
     */
    private void lockGuest(String guestId, String lock) {
        if (guestId != null) {
            jdbc.sql("SELECT " + lock + "(?, hashtext(?))").params(GUEST_LOCKS, guestId).query((rs, n) -> 1).list();
        }
    }

    /** Released by the room that holds it; a move's releases only finish or undo the move. */
    @EventHandler
    void on(RoomReleased event, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (event.reason() == ReleaseReason.MOVED) {
            jdbc.sql("""
                     UPDATE reservation_view SET room_number = moving_to_room, total_price = moving_price,
                            currency = moving_currency, moving_to_room = NULL, moving_price = NULL,
                            moving_currency = NULL
                     WHERE reservation_id = ? AND room_number = ? AND moving_to_room IS NOT NULL
                     """)
                .params(event.reservationId(), event.roomNumber())
                .update();
        } else if (event.reason() == ReleaseReason.MOVE_UNDONE) {
            jdbc.sql("""
                     UPDATE reservation_view SET moving_to_room = NULL, moving_price = NULL, moving_currency = NULL
                     WHERE reservation_id = ? AND moving_to_room = ?
                     """)
                .params(event.reservationId(), event.roomNumber())
                .update();
        } else {
            jdbc.sql("""
                     UPDATE reservation_view SET status = 'CANCELLED', released_at = ?, release_reason = ?
                     WHERE reservation_id = ? AND room_number = ?
                     """)
                .params(Timestamp.from(at), event.reason().name(), event.reservationId(), event.roomNumber())
                .update();
        }
    }

    @EventHandler
    void on(StayChanged event) {
        jdbc.sql("""
                 UPDATE reservation_view SET check_in = ?, check_out = ?, total_price = ?, currency = ?
                 WHERE reservation_id = ? AND room_number = ?
                 """)
            .params(event.stay().checkIn(), event.stay().checkOut(), event.totalPrice(),
                    currencyOf(event.currency()), event.reservationId(), event.roomNumber())
            .update();
    }

    /** The new room holds the nights too until the old one releases them: the move is under way. */
    @EventHandler
    void on(StayMovedIn event) {
        jdbc.sql("""
                 UPDATE reservation_view SET moving_to_room = ?, moving_price = ?, moving_currency = ?
                 WHERE reservation_id = ? AND room_number = ?
                 """)
            .params(event.roomNumber(), event.totalPrice(), currencyOf(event.currency()), event.reservationId(),
                    event.fromRoom())
            .update();
    }

    /** Prices recorded before currencies were are in the hotel's currency. */
    private static String currencyOf(String recorded) {
        return recorded == null ? StayPrice.HOTEL_CURRENCY : recorded;
    }

    @EventHandler
    void on(RoomHeld event, @org.axonframework.eventhandling.Timestamp Instant at) {
        Guest guest = event.guest();
        lockGuest(guest.guestId(), "pg_advisory_xact_lock_shared");
        boolean erased = guest.erased() || erasedSince(guest.guestId(), at);
        jdbc.sql("""
                 INSERT INTO reservation_view (reservation_id, room_number, check_in, check_out, total_price,
                                               status, guest_id, guest_name, guest_email, guest_erased, booked_at,
                                               hold_expires_at, currency)
                 VALUES (?, ?, ?, ?, ?, 'HELD', ?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (reservation_id) DO NOTHING
                 """)
            .params(event.reservationId(), event.roomNumber(), event.stay().checkIn(), event.stay().checkOut(),
                    event.totalPrice(), guest.guestId(), erased ? null : guest.name(), erased ? null : guest.email(),
                    erased, Timestamp.from(at), Timestamp.from(event.expiresAt()), currencyOf(event.currency()))
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
        jdbc.sql("TRUNCATE reservation_view, reservation_guest_erasure").update();
    }

    @QueryHandler
    Optional<ReservationView> handle(FindReservation query) {
        return jdbc.sql("""
                        SELECT reservation_id, room_number, check_in, check_out, total_price, status,
                               guest_name, guest_email, guest_erased, booked_at, released_at, release_reason,
                               currency,
                               hold_expires_at
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
                rs.getString("guest_email"), rs.getBoolean("guest_erased"), instant(rs.getTimestamp("booked_at")),
                instant(rs.getTimestamp("released_at")), rs.getString("release_reason"),
                currencyOf(rs.getString("currency")), instant(rs.getTimestamp("hold_expires_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
