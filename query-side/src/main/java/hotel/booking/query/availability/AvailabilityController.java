package hotel.booking.query.availability;

import hotel.booking.api.RoomType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
class AvailabilityController {

    private final QueryGateway queries;
    private final AvailabilityRanges ranges;

    AvailabilityController(QueryGateway queries, AvailabilityRanges ranges) {
        this.queries = queries;
        this.ranges = ranges;
    }

    @GetMapping("/api/availability")
    AvailabilitySnapshot availability(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(required = false) RoomType type,
                                      @RequestParam(required = false) Integer guests) {
        AvailabilityQuery query = ranges.query(from, to, type, guests);
        return queries.query(query, ResponseTypes.instanceOf(AvailabilitySnapshot.class)).join();
    }
}
