package hotel.booking.query.replay;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A projection as analysts see it: how far its live processor got ({@code position}, the lowest
 * position its segments reached), the event store's head, the lag between them, whether a rebuild
 * runs now (on any node) and its progress, the last rebuild, and (for one projection) the checksum
 * of its read model.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectionStatus(String name, Long position, long head, Long lag, boolean replaying, Integer progress,
                               Rebuild rebuild, String checksum) {

    /** The current or last rebuild. {@code state}: RUNNING, DONE, FAILED, or ABANDONED (its node died). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rebuild(String state, String phase, String node, Instant startedAt, Instant finishedAt,
                          long position, long target, long events, BigDecimal eventsPerSecond,
                          String checksumBefore, String checksumAfter, Boolean identical, String error) {
    }

    ProjectionStatus withChecksum(String checksum) {
        return new ProjectionStatus(name, position, head, lag, replaying, progress, rebuild, checksum);
    }
}
