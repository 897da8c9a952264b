package hotel.booking.platform.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: a burst of {@code capacity} attempts, then one more every
 * {@code refillPeriod}. Each bucket is one number, the time at which it will be full again (the
 * generic cell rate algorithm), updated atomically. Full buckets are forgotten once more than
 * {@code maxClients} are held, so memory stays bounded. Per node: with N nodes behind a load
 * balancer a client gets up to N times the allowance.
 */
public class TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);

    private final long refillNanos;
    private final long burstNanos;
    private final int maxClients;
    private final LongSupplier nanoClock;
    private final Map<String, Long> fullAt = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, Duration refillPeriod, int maxClients, LongSupplier nanoClock) {
        if (capacity < 1 || refillPeriod.isNegative() || refillPeriod.isZero() || maxClients < 1) {
            throw new IllegalArgumentException("A rate limit needs a capacity, a refill period and room for clients");
        }
        this.refillNanos = refillPeriod.toNanos();
        this.burstNanos = refillNanos * (capacity - 1);
        this.maxClients = maxClients;
        this.nanoClock = nanoClock;
    }

    /** @return zero when the client may go ahead (one token taken), otherwise how long until it may */
    public Duration take(String client) {
        long now = nanoClock.getAsLong();
        long[] wait = {0};
        fullAt.compute(client, (key, full) -> {
            long start = full == null ? now : Math.max(full, now);
            if (start - now > burstNanos) {
                wait[0] = start - now - burstNanos;
                return full;
            }
            return start + refillNanos;
        });
        if (fullAt.size() > maxClients) {
            forgetFullBuckets(now);
        }
        return Duration.ofNanos(wait[0]);
    }

    int clients() {
        return fullAt.size();
    }

    private void forgetFullBuckets(long now) {
        fullAt.values().removeIf(full -> full - now <= 0);
        if (fullAt.size() > maxClients) {
            log.warn("More than {} clients are being rate-limited at once; starting their allowances afresh", maxClients);
            fullAt.clear();
        }
    }
}
