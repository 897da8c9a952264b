package hotel.booking.query.audit;

import java.time.Instant;

/**
 * Keeps a read of the history to the part that can no longer change. An event's position is drawn
 * from a sequence before its transaction commits, so a gap in the positions is either an append
 * that rolled back, which stays a gap, or one still committing, which will fill in. A read stops
 * before a gap that the next event is too recent to have settled, so that a reader paging with
 * {@code after} never steps over an event that commits late.
 */
final class SettledPrefix {

    private final Instant settledBefore;
    private long previous;
    private boolean stopped;

    /**
     * @param after         the position the read starts after
     * @param settledBefore a gap followed by an event stamped before this instant is final
     */
    SettledPrefix(long after, Instant settledBefore) {
        this.previous = after;
        this.settledBefore = settledBefore;
    }

    /** Called for each event in order; false from the first event that may still have one missing before it. */
    boolean admits(AuditEvent event) {
        boolean gap = event.position() != previous + 1;
        stopped = stopped || (gap && !event.timestamp().isBefore(settledBefore));
        if (!stopped) {
            previous = event.position();
        }
        return !stopped;
    }

    /** The position of the last event admitted: where the next read should start. */
    long last() {
        return previous;
    }
}
