package hotel.booking.query.report;

import hotel.booking.platform.web.Problems;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** Reports for analysts, as JSON or, with {@code Accept: text/csv}, as CSV. */
@RestController
@RequestMapping(path = "/api/reports", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
class ReportController {

    private final QueryGateway queries;

    ReportController(QueryGateway queries) {
        this.queries = queries;
    }

    /** Per night from {@code from} up to, not including, {@code to}: rooms sold, occupancy and revenue. */
    @GetMapping("/occupancy")
    OccupancyReport occupancy(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return queries.query(new ReportOccupancy(new DateRange(from, to)),
                ResponseTypes.instanceOf(OccupancyReport.class)).join();
    }

    /** Per day from {@code from} up to, not including, {@code to}: bookings made, and cancellations by reason. */
    @GetMapping("/cancellations")
    CancellationReport cancellations(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return queries.query(new ReportCancellations(new DateRange(from, to)),
                ResponseTypes.instanceOf(CancellationReport.class)).join();
    }

    /** Per month, for stays arriving from {@code from} up to, not including, {@code to}: days booked ahead. */
    @GetMapping("/lead-times")
    LeadTimeReport leadTimes(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return queries.query(new ReportLeadTimes(new DateRange(from, to)),
                ResponseTypes.instanceOf(LeadTimeReport.class)).join();
    }

    @ExceptionHandler(DateRange.InvalidDateRange.class)
    ResponseEntity<ProblemDetail> invalidRange(DateRange.InvalidDateRange e) {
        return Problems.response(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
