package hotel.booking.platform.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One AES key per guest, in {@code guest_key}; never in an event. Destroying a guest's key erases
 * the guest's personal data from every event sealed with it.
 * <p>
 * Keys for reading are cached for {@code ttl}: a key destroyed on this node stops working here at
 * once, on other nodes at the latest {@code ttl} later. A key is cached only once the transaction
 * that read or made it has committed, and not when a key was destroyed on this node meanwhile.
 * Sealing always reads the key from the database and holds a share lock on it until its transaction
 * ends, so an erasure waits for a booking being sealed and a booking after an erasure gets a new key.
 */
public class GuestKeys {

    private record Cached(byte[] key, long loadedAt) {
    }

    private final JdbcClient jdbc;
    private final long ttlNanos;
    private final int maxCached;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicLong destructions = new AtomicLong();

    public GuestKeys(JdbcClient jdbc, Duration ttl, int maxCached) {
        this.jdbc = jdbc;
        this.ttlNanos = ttl.toNanos();
        this.maxCached = maxCached;
    }

    /** The guest's key, made now if the guest has none. */
    public byte[] forSealing(String guestId) {
        Optional<byte[]> key = select(guestId, " FOR SHARE");
        if (key.isEmpty()) {
            jdbc.sql("INSERT INTO guest_key (guest_id, secret_key) VALUES (?, ?) ON CONFLICT (guest_id) DO NOTHING")
                .params(guestId, GuestCipher.newKey())
                .update();
            key = select(guestId, " FOR SHARE");
        }
        return key.orElseThrow(() -> new IllegalStateException("The key of guest " + guestId + " vanished"));
    }

    /** The guest's key if it still has one, locked like {@link #forSealing}; never a new one. */
    public Optional<byte[]> existingForSealing(String guestId) {
        return select(guestId, " FOR SHARE");
    }

    /** The guest's key; empty once it was destroyed. */
    public Optional<byte[]> forOpening(String guestId) {
        Cached cached = cache.get(guestId);
        if (cached != null && System.nanoTime() - cached.loadedAt() < ttlNanos) {
            return Optional.of(cached.key());
        }
        long before = destructions.get();
        long loadedAt = System.nanoTime();
        Optional<byte[]> key = select(guestId, "");
        key.ifPresentOrElse(k -> remember(guestId, new Cached(k, loadedAt), before), () -> cache.remove(guestId));
        return key;
    }

    /** Destroys the guest's key: when it happened (the database's clock), or empty if there was none. */
    public Optional<Instant> destroy(String guestId) {
        destructions.incrementAndGet();
        cache.remove(guestId);
        Optional<Instant> at = jdbc.sql("DELETE FROM guest_key WHERE guest_id = ? RETURNING clock_timestamp()")
                                   .param(guestId)
                                   .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                                   .optional();
        afterCommit(() -> {
            destructions.incrementAndGet();
            cache.remove(guestId);
        });
        return at;
    }

    private Optional<byte[]> select(String guestId, String lock) {
        return jdbc.sql("SELECT secret_key FROM guest_key WHERE guest_id = ?" + lock)
                   .param(guestId)
                   .query(byte[].class)
                   .optional();
    }

    private void remember(String guestId, Cached cached, long destructionsBefore) {
        afterCommit(() -> {
            if (destructions.get() != destructionsBefore) {
                return;
            }
            if (cache.size() >= maxCached) {
                long now = System.nanoTime();
                cache.values().removeIf(c -> now - c.loadedAt() >= ttlNanos);
                if (cache.size() >= maxCached) {
                    cache.clear();
                }
            }
            cache.put(guestId, cached);
        });
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
