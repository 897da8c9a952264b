package hotel.booking.api;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * A nightly rate set by staff for the nights from {@code from} up to, not including, {@code to},
 * on the given days of the week only (every day when {@code daysOfWeek} is null or empty).
 */
public record RateOverride(LocalDate from, LocalDate to, BigDecimal nightlyRate, Set<DayOfWeek> daysOfWeek) {

    public RateOverride {
        daysOfWeek = daysOfWeek == null || daysOfWeek.isEmpty() ? null : Set.copyOf(daysOfWeek);
    }

    public boolean covers(LocalDate night) {
        return !night.isBefore(from) && night.isBefore(to)
                && (daysOfWeek == null || daysOfWeek.contains(night.getDayOfWeek()));
    }

    /** True when every night this override prices is priced by {@code later} instead. */
    public boolean shadowedBy(RateOverride later) {
        return !from.isBefore(later.from) && !to.isAfter(later.to)
                && (later.daysOfWeek == null || daysOfWeek != null && later.daysOfWeek.containsAll(daysOfWeek));
    }
}
