package hotel.booking.command.room;

import hotel.booking.platform.web.Problems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A Room's refusal as problem+json: 400 for an invalid request, 404 for what is not there, 409 for a conflict. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RejectionProblemsAdvice {

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> rejected(CommandExecutionException e) {
        return RejectionDetails.of(e).map(RejectionProblemsAdvice::problem).orElseGet(() -> Problems.unexpected(e));
    }

    @ExceptionHandler(RoomRuleViolation.class)
    ResponseEntity<ProblemDetail> violated(RoomRuleViolation e) {
        return problem(new RejectionDetails(e.rejection(), e.getMessage()));
    }

    @ExceptionHandler(RoomCommands.CommandTimedOut.class)
    ResponseEntity<ProblemDetail> timedOut(RoomCommands.CommandTimedOut e) {
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE,
                e.getMessage() + "; it is safe to send the same request again");
    }

    private static ResponseEntity<ProblemDetail> problem(RejectionDetails details) {
        ProblemDetail problem = Problems.problem(status(details.rejection()), details.detail());
        problem.setProperty("rejection", details.rejection().name());
        return Problems.response(problem);
    }

    static HttpStatus status(Rejection rejection) {
        return switch (rejection) {
            case INVALID_ROOM, INVALID_STAY, STAY_TOO_LONG, INVALID_RATE -> HttpStatus.BAD_REQUEST;
            case ROOM_NOT_FOUND, RESERVATION_NOT_FOUND, BLOCK_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case HOLD_EXPIRED, HOLD_NOT_CONFIRMED -> HttpStatus.CONFLICT;
            case ROOM_ALREADY_REGISTERED, NIGHTS_TAKEN, RESERVATION_ID_CONFLICT, RESERVATION_ALREADY_RELEASED ->
                    HttpStatus.CONFLICT;
            case RESERVATION_BEING_MOVED, ALREADY_IN_ROOM, NOT_BEING_MOVED -> HttpStatus.CONFLICT;
        };
    }
}
