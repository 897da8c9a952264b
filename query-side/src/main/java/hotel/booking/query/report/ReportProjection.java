package hotel.booking.query.report;

import hotel.booking.api.ReleaseReason;
import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the analysts' reports are made of: the rooms by type, every reservation with when it was
 * made and released, and each night sold with its revenue. Days are the hotel's
 * ({@code hotel.time-zone}). Reads nothing of the guest's personal data.
 */
@Component
@ProcessingGroup(ReportProjection.PROCESSING_GROUP)
public class ReportProjection {

    public static final String PROCESSING_GROUP = "reports";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final ZoneId hotelZone;

    public ReportProjection(JdbcTemplate jdbcTemplate, @Value("${hotel.time-zone:UTC}") ZoneId hotelZone) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.hotelZone = hotelZone;
    }

    @EventHandler
    void on(RoomRegistered event, @Timestamp Instant at) {
        jdbc.sql("""
                 INSERT INTO report_room (room_number, room_type, in_service_from) VALUES (?, ?, ?)
                 ON CONFLICT (room_number) DO NOTHING
                 """)
            .params(event.roomNumber(), event.type().name(), day(at))
            .update();
    }

    @EventHandler
    void on(RoomReserved event, @Timestamp Instant at) {
        LocalDate bookedOn = day(at);
        int recorded = jdbc.sql("""
                                INSERT INTO report_reservation (reservation_id, room_number, check_in, nights,
                                                                total_price, booked_on, lead_days)
                                VALUES (?, ?, ?, ?, ?, ?, ?)
                                ON CONFLICT (reservation_id) DO NOTHING
                                """)
                           .params(event.reservationId(), event.roomNumber(), event.stay().checkIn(),
                                   event.stay().nights(), event.totalPrice(), bookedOn,
                                   ChronoUnit.DAYS.between(bookedOn, event.stay().checkIn()))
                           .update();
        // a redelivered booking must not sell again the nights its release gave back
        if (recorded == 1) {
            sellNights(event.reservationId(), event.roomNumber(),
                    NightlyRevenue.of(event.stay(), event.totalPrice(), event.nightlyPrices()));
        }
    }

    /** A hold is sold when it is confirmed, on the day it is confirmed; an expired hold never was. */
    @EventHandler
    void on(HoldConfirmed event, @Timestamp Instant at) {
        on(new RoomReserved(event.roomNumber(), event.reservationId(), event.stay(), event.totalPrice(), null,
                event.nightlyPrices(), event.currency()), at);
    }

    /** Each night at the price agreed for it; redelivered nights are not sold twice. */
    private void sellNights(java.util.UUID reservationId, String roomNumber, List<NightlyRevenue> revenue) {
        List<Object[]> nights = revenue.stream()
                .map(night -> new Object[]{reservationId, night.night(), roomNumber, night.revenue()})
                .toList();
        jdbcTemplate.batchUpdate("""
                                 INSERT INTO report_night_sold (reservation_id, night, room_number, revenue)
                                 VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                                 """, nights);
    }

    @EventHandler
    void on(RoomReleased event, @Timestamp Instant at) {
        if (event.reason() == ReleaseReason.MOVED || event.reason() == ReleaseReason.MOVE_UNDONE) {
            unsellNights(event.reservationId(), event.roomNumber());
            followNightsSold(event.reservationId());
            return;
        }
        jdbc.sql("""
                 UPDATE report_reservation SET released_on = ?, release_reason = ?
                 WHERE reservation_id = ? AND room_number = ? AND released_on IS NULL
                 """)
            .params(day(at), event.reason().name(), event.reservationId(), event.roomNumber())
            .update();
        unsellNights(event.reservationId(), event.roomNumber());
    }

    /** New dates at a new price: the old nights are no longer sold, the new ones are. */
    @EventHandler
    void on(StayChanged event) {
        unsellNights(event.reservationId(), event.roomNumber());
        sellNights(event.reservationId(), event.roomNumber(),
                NightlyRevenue.of(event.stay(), event.totalPrice(), event.nightlyPrices()));
        jdbc.sql("""
                 UPDATE report_reservation SET check_in = ?, nights = ?, total_price = ?, lead_days = ? - booked_on
                 WHERE reservation_id = ? AND room_number = ?
                 """)
            .params(event.stay().checkIn(), event.stay().nights(), event.totalPrice(), event.stay().checkIn(),
                    event.reservationId(), event.roomNumber())
            .update();
    }

    /** Sold in the new room too until the old room releases them (then the reservation follows its nights). */
    @EventHandler
    void on(StayMovedIn event) {
        sellNights(event.reservationId(), event.roomNumber(),
                NightlyRevenue.of(event.stay(), event.totalPrice(), event.nightlyPrices()));
    }

    private void unsellNights(java.util.UUID reservationId, String roomNumber) {
        jdbc.sql("DELETE FROM report_night_sold WHERE reservation_id = ? AND room_number = ?")
            .params(reservationId, roomNumber)
            .update();
    }

    /** After a move completed or was undone, the reservation is where its nights still sold are, at their price. */
    private void followNightsSold(java.util.UUID reservationId) {
        jdbc.sql("""
                 UPDATE report_reservation r SET room_number = s.room_number, total_price = s.total
                 FROM (SELECT room_number, sum(revenue) AS total FROM report_night_sold
                       WHERE reservation_id = ? GROUP BY room_number) s
                 WHERE r.reservation_id = ?
                 """)
            .params(reservationId, reservationId)
            .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE report_room, report_reservation, report_night_sold").update();
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, hotelZone);
    }
}
