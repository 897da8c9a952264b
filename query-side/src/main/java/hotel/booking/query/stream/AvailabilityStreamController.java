package hotel.booking.query.stream;

import hotel.booking.api.RoomType;
import hotel.booking.query.availability.AvailabilityQuery;
import hotel.booking.query.availability.AvailabilityRanges;
import hotel.booking.query.availability.FollowAvailability;
import hotel.booking.query.availability.StreamStart;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/availability/stream}: an Axon subscription query bridged to Server-Sent Events.
 * The stream joins the subscription for its query (one per distinct query on the node, see
 * {@link SseConnections}) before its start is read, so no change falls between; the request is
 * async without a timeout, and the subscription ends with the last stream that follows it.
 */
@RestController
class AvailabilityStreamController {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final QueryGateway queries;
    private final AvailabilityRanges ranges;
    private final SseConnections connections;

    AvailabilityStreamController(QueryGateway queries, AvailabilityRanges ranges, SseConnections connections) {
        this.queries = queries;
        this.ranges = ranges;
        this.connections = connections;
    }

    @GetMapping(path = "/api/availability/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void stream(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) RoomType type,
                @RequestParam(required = false) Integer guests,
                @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter,
                @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        AvailabilityQuery query = ranges.query(from, to, type, guests);
        SseConnection connection = connections.open(query);
        StreamStart start;
        try {
            start = startOf(new FollowAvailability(query,
                    lastEventId(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParameter)));
        } catch (RuntimeException e) {
            connection.close(SseConnection.CloseReason.ERROR, null);
            throw e;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache, no-transform");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0);
        connection.start(async, start, connections.retryMillis());
    }

    /** Where the client starts, read once its stream already takes the changes (so none falls between). */
    private StreamStart startOf(FollowAvailability follow) {
        try {
            return queries.query(follow, StreamStart.class).orTimeout(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A client's last event id; anything that is not one means "start afresh", never an error. */
    private static Long lastEventId(String value) {
        if (value == null || value.isBlank() || value.length() > 19) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            return id >= 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
