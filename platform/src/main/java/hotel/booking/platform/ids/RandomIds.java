package hotel.booking.platform.ids;

import org.axonframework.common.IdentifierFactory;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for identifiers that must be unique but need not be unguessable: Axon's
 * message and event identifiers, request ids. {@link UUID#randomUUID()} draws from the JDK's
 * {@code NativePRNG}, one lock for the whole JVM: under load, booking threads queued on it for
 * seconds in the benchmark's profile (docs/performance.md). A per-thread generator, seeded from the
 * system's entropy, draws without a lock.
 * <p>
 * Reservation tokens and secrets are not made here: they stay on {@code SecureRandom}.
 * Axon finds this class through {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public final class RandomIds extends IdentifierFactory {

    /** A new random UUID, version 4, variant 2 (as {@link UUID#randomUUID()} makes them). */
    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low);
    }

    @Override
    public String generateIdentifier() {
        return next().toString();
    }
}
