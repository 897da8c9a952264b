package hotel.booking.query.availability;

import java.time.LocalDate;

public record NightAvailability(LocalDate date, boolean available) {
}
