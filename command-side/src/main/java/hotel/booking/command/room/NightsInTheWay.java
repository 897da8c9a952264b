package hotel.booking.command.room;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A reservation (or hold) that holds nights a block would take: its stay and the nights in common. */
public record NightsInTheWay(UUID reservationId, LocalDate checkIn, LocalDate checkOut, List<LocalDate> nights) {
}
