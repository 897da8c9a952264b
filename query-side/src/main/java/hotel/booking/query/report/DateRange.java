package hotel.booking.query.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.stream.Stream;

/** The days of a report: from {@code from} up to, not including, {@code to}; at most {@value #MAX_DAYS}. */
public record DateRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new InvalidDateRange("'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to);
        if (days > MAX_DAYS) {
            throw new InvalidDateRange("A report covers at most " + MAX_DAYS + " days; " + from + " to " + to
                    + " is " + days);
        }
    }

    public Stream<LocalDate> dates() {
        return from.datesUntil(to);
    }

    public static class InvalidDateRange extends IllegalArgumentException {
        InvalidDateRange(String message) {
            super(message);
        }
    }
}
