package hotel.booking.query.audit;

import hotel.booking.api.RoomType;
import hotel.booking.platform.web.Problems;
import hotel.booking.query.availability.AvailabilityQuery;
import hotel.booking.query.availability.AvailabilityRanges;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/** The past as it was: availability at any earlier instant, for auditors. */
@RestController
class PastAvailabilityController {

    /** Before this, nothing the hotel's computers could have stamped. */
    static final Instant EARLIEST = Instant.EPOCH;

    private final PastAvailability past;
    private final AvailabilityRanges ranges;
    private final Clock clock;

    PastAvailabilityController(PastAvailability past, AvailabilityRanges ranges, Clock clock) {
        this.past = past;
        this.ranges = ranges;
        this.clock = clock;
    }

    @GetMapping("/api/audit/availability")
    AvailabilityAsOf availability(@RequestParam String asOf,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) RoomType type,
                                  @RequestParam(required = false) Integer guests) {
        Instant instant = instant(asOf);
        AvailabilityQuery query = ranges.queryAsOf(instant, from, to, type, guests);
        return past.at(instant, query);
    }

    private Instant instant(String asOf) {
        Instant instant;
        try {
            instant = Instant.parse(asOf);
        } catch (DateTimeException e) {
            String hint = asOf.contains(" ") ? " (a '+' in a URL must be sent as %2B)" : "";
            throw badRequest("Parameter 'asOf' must be an instant (ISO-8601, e.g. 2031-01-01T12:00:00Z)" + hint);
        }
        if (instant.isBefore(EARLIEST)) {
            throw badRequest("'asOf' (" + instant + ") must not be before " + EARLIEST);
        }
        Instant now = clock.instant();
        if (instant.isAfter(now)) {
            throw badRequest("'asOf' (" + instant + ") is in the future; the history goes up to now (" + now + ")");
        }
        return instant;
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.problem(HttpStatus.BAD_REQUEST, detail),
                null);
    }
}
