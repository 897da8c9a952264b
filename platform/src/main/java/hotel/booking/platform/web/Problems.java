package hotel.booking.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

/** RFC 9457 answers: {@code application/problem+json} with status, title and a plain-words detail. */
public final class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String detail) {
        return response(problem(status, detail));
    }

    /** A 500 that names an error id to find in the log, never the exception itself. */
    public static ResponseEntity<ProblemDetail> unexpected(Throwable ex) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {}", errorId, ex);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; the error id is " + errorId);
        problem.setProperty("errorId", errorId);
        return response(problem);
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .body(problem);
    }
}
