package hotel.booking.api;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A stay: the nights from {@code checkIn} up to, not including, {@code checkOut}.
 * Whether a stay is acceptable is the Room's decision; this type only describes it.
 */
public record Stay(LocalDate checkIn, LocalDate checkOut) {

    public Stay {
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(checkOut, "checkOut");
    }

    public long nights() {
        return ChronoUnit.DAYS.between(checkIn, checkOut);
    }

    /** The dates of the nights of this stay; empty when check-out is not after check-in. */
    public Stream<LocalDate> dates() {
        return checkIn.datesUntil(checkOut.isAfter(checkIn) ? checkOut : checkIn);
    }

    public boolean overlaps(Stay other) {
        return checkIn.isBefore(other.checkOut) && other.checkIn.isBefore(checkOut);
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return overlaps(new Stay(from, to));
    }

    @Override
    public String toString() {
        return checkIn + ".." + checkOut;
    }
}
