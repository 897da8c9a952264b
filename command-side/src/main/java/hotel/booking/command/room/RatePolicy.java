package hotel.booking.command.room;

import hotel.booking.api.RateOverride;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;

/** A rate staff set covers 1 to {@value #MAX_NIGHTS} nights at a positive price. */
final class RatePolicy {

    static final int MAX_NIGHTS = 1100;

    private RatePolicy() {
    }

    static void check(RateOverride rate) {
        if (rate == null || rate.from() == null || rate.to() == null || !rate.from().isBefore(rate.to())) {
            throw new RoomRuleViolation(Rejection.INVALID_RATE, "A rate needs dates from before to");
        }
        if (ChronoUnit.DAYS.between(rate.from(), rate.to()) > MAX_NIGHTS) {
            throw new RoomRuleViolation(Rejection.INVALID_RATE,
                    "A rate can cover at most " + MAX_NIGHTS + " nights; set several for longer");
        }
        if (rate.nightlyRate() == null || rate.nightlyRate().compareTo(BigDecimal.ZERO) <= 0) {
            throw new RoomRuleViolation(Rejection.INVALID_RATE, "The nightly rate must be positive");
        }
    }
}
