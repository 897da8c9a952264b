package hotel.booking.command.reservation;

import hotel.booking.api.Stay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When guests may book: from tonight (in the hotel's time zone) up to a horizon. A rule of the
 * booking desk rather than of a room, since it depends on today's date.
 */
@Component
class BookingWindow {

    private final Clock clock;
    private final ZoneId zone;
    private final int horizonDays;

    BookingWindow(Clock clock,
                  @Value("${hotel.time-zone:UTC}") ZoneId zone,
                  @Value("${hotel.booking.horizon-days:730}") int horizonDays) {
        this.clock = clock;
        this.zone = zone;
        this.horizonDays = horizonDays;
    }

    /** @return what is wrong with the stay's dates, or null when it lies within the window */
    String problemWith(Stay stay) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (stay.checkIn().isBefore(today)) {
            return "Check-in " + stay.checkIn() + " is in the past (today is " + today + ")";
        }
        LocalDate last = today.plusDays(horizonDays);
        if (stay.checkOut().isAfter(last)) {
            return "Bookings are open up to " + last + "; check-out " + stay.checkOut() + " is later";
        }
        return null;
    }
}
