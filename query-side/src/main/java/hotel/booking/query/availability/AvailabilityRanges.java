package hotel.booking.query.availability;

import hotel.booking.api.RoomType;
import hotel.booking.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Which ranges one may ask about: at least one night, at most {@code hotel.availability.max-nights},
 * and not absurdly far from today (or, for the past as it was, from that day), so no request can
 * make the server compute years of nights.
 */
@Component
public class AvailabilityRanges {

    private static final int MAX_GUESTS = 20;

    private final Clock clock;
    private final ZoneId zone;
    private final int maxNights;
    private final int horizonDays;

    AvailabilityRanges(Clock clock, @Value("${hotel.time-zone:UTC}") ZoneId zone,
                       @Value("${hotel.availability.max-nights:366}") int maxNights,
                       @Value("${hotel.booking.horizon-days:730}") int horizonDays) {
        this.clock = clock;
        this.zone = zone;
        this.maxNights = maxNights;
        this.horizonDays = horizonDays;
    }

    /** The query for these parameters, or a 400 problem saying what is wrong with them. */
    public AvailabilityQuery query(LocalDate from, LocalDate to, RoomType type, Integer guests) {
        return query(LocalDate.now(clock.withZone(zone)), from, to, type, guests);
    }

    /** The query a guest could have asked at {@code asOf}: the same rules, counted from that day. */
    public AvailabilityQuery queryAsOf(Instant asOf, LocalDate from, LocalDate to, RoomType type, Integer guests) {
        return query(LocalDate.ofInstant(asOf, zone), from, to, type, guests);
    }

    private AvailabilityQuery query(LocalDate today, LocalDate from, LocalDate to, RoomType type, Integer guests) {
        if (!from.isBefore(to)) {
            throw badRequest("'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        long nights = ChronoUnit.DAYS.between(from, to);
        if (nights > maxNights) {
            throw badRequest("A range can cover at most " + maxNights + " nights, not " + nights);
        }
        LocalDate earliest = today.minusDays(maxNights);
        LocalDate latest = today.plusDays(horizonDays + (long) maxNights);
        if (from.isBefore(earliest) || to.isAfter(latest)) {
            throw badRequest("Ask about nights between " + earliest + " and " + latest);
        }
        if (guests != null && (guests < 1 || guests > MAX_GUESTS)) {
            throw badRequest("'guests' must be between 1 and " + MAX_GUESTS);
        }
        return new AvailabilityQuery(from, to, type, guests);
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.problem(HttpStatus.BAD_REQUEST, detail),
                null);
    }
}
