package hotel.booking.query.reservation;

import hotel.booking.platform.security.HotelRole;
import hotel.booking.platform.token.ReservationTokens;
import hotel.booking.platform.web.Problems;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.UUID;

@RestController
@RequestMapping("/api/reservations")
class ReservationQueryController {

    static final String TOKEN_HEADER = "X-Reservation-Token";

    private final QueryGateway queries;
    private final ReservationTokens tokens;

    ReservationQueryController(QueryGateway queries, ReservationTokens tokens) {
        this.queries = queries;
        this.tokens = tokens;
    }

    /** For its guest, with the token, and for staff. */
    @GetMapping("/{reservationId}")
    ResponseEntity<?> reservation(@PathVariable UUID reservationId,
                                  @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                                  Authentication caller) {
        Optional<ReservationView> found = queries.query(new FindReservation(reservationId),
                ResponseTypes.optionalInstanceOf(ReservationView.class)).join();
        if (found.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, "There is no reservation " + reservationId);
        }
        if (!HotelRole.STAFF.heldBy(caller) && !tokens.matches(reservationId, token)) {
            return Problems.response(HttpStatus.FORBIDDEN,
                    "Send the reservation's cancellation token in the " + TOKEN_HEADER + " header");
        }
        return ResponseEntity.ok(found.get());
    }
}
