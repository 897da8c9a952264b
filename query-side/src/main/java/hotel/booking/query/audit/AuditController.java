package hotel.booking.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import hotel.booking.platform.web.Problems;
import hotel.booking.query.reservation.FindReservation;
import hotel.booking.query.reservation.ReservationView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The booking history for auditors: every event in global order, and the history of one room or reservation. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final String NDJSON = "application/x-ndjson";
    static final int MAX_LIMIT = 1000;

    private final AuditLog log;
    private final QueryGateway queries;
    private final ObjectWriter json;

    AuditController(AuditLog log, QueryGateway queries, ObjectMapper mapper) {
        this.log = log;
        this.queries = queries;
        this.json = mapper.writerFor(AuditEvent.class);
    }

    @GetMapping(path = "/events", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditPage events(@RequestParam(defaultValue = "0") @PositiveOrZero long after,
                     @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return log.page(after, limit);
    }

    /** The whole history (or {@code limit} events of it) as one JSON event per line, written as it is read. */
    @GetMapping(path = "/events", produces = NDJSON)
    void history(@RequestParam(defaultValue = "0") @PositiveOrZero long after,
                 @RequestParam(required = false) @Positive Long limit,
                 HttpServletResponse response) throws IOException {
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        log.stream(after, limit == null ? Long.MAX_VALUE : limit, event -> writeLine(out, event));
        out.flush();
    }

    @GetMapping("/rooms/{roomNumber}/history")
    ResponseEntity<?> room(@PathVariable String roomNumber) {
        List<AuditEvent> events = log.roomHistory(roomNumber);
        if (events.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, "There is no room " + roomNumber);
        }
        return ResponseEntity.ok(new RoomHistory(roomNumber, events));
    }

    @GetMapping("/reservations/{reservationId}/history")
    ResponseEntity<?> reservation(@PathVariable UUID reservationId) {
        Optional<ReservationView> reservation = queries.query(new FindReservation(reservationId),
                ResponseTypes.optionalInstanceOf(ReservationView.class)).join();
        if (reservation.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, "There is no reservation " + reservationId);
        }
        String room = reservation.get().roomNumber();
        return ResponseEntity.ok(new ReservationHistory(reservationId, room, log.reservationHistory(room, reservationId)));
    }

    private void writeLine(OutputStream out, AuditEvent event) {
        try {
            out.write(json.writeValueAsBytes(event));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record RoomHistory(String roomNumber, List<AuditEvent> events) {
    }

    record ReservationHistory(UUID reservationId, String roomNumber, List<AuditEvent> events) {
    }
}
