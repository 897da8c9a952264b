package hotel.booking.query.report;

import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
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
            sellNights(event);
        }
    }

    /** A hold is sold when it is confirmed, on the day it is confirmed; an expired hold never was. */
    @EventHandler
    void on(HoldConfirmed event, @Timestamp Instant at) {
        on(new RoomReserved(event.roomNumber(), event.reservationId(), event.stay(), event.totalPrice(), null), at);
    }

    private void sellNights(RoomReserved event) {
        List<Object[]> nights = NightlyRevenue.of(event.stay(), event.totalPrice()).stream()
                .map(night -> new Object[]{event.reservationId(), night.night(), event.roomNumber(), night.revenue()})
                .toList();
        jdbcTemplate.batchUpdate("""
                                 INSERT INTO report_night_sold (reservation_id, night, room_number, revenue)
                                 VALUES (?, ?, ?, ?)
                                 """, nights);
    }

    @EventHandler
    void on(RoomReleased event, @Timestamp Instant at) {
        jdbc.sql("""
                 UPDATE report_reservation SET released_on = ?, release_reason = ?
                 WHERE reservation_id = ? AND released_on IS NULL
                 """)
            .params(day(at), event.reason().name(), event.reservationId())
            .update();
        jdbc.sql("DELETE FROM report_night_sold WHERE reservation_id = ?").param(event.reservationId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE report_room, report_reservation, report_night_sold").update();
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, hotelZone);
    }
}
