package hotel.booking.query.audit;

import java.util.List;

/**
 * Events in global order after a position.
 *
 * @param nextAfter what to send as {@code after} for the events that follow; the same as
 *                  {@code after} when there are none yet
 */
public record AuditPage(long after, int limit, long nextAfter, List<AuditEvent> events) {
}
