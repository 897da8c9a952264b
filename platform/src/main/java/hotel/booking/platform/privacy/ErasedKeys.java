package hotel.booking.platform.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erasures outlive key backups: a key restored from a backup taken before its guest was erased is
 * destroyed again, from the {@code GuestErased} events, at every start. A key made after the
 * erasure (the guest booked again) is kept: it seals only the later bookings.
 */
public class ErasedKeys {

    private static final Logger log = LoggerFactory.getLogger(ErasedKeys.class);

    static final String DESTROY_RESTORED = """
            DELETE FROM guest_key k
            USING (SELECT convert_from(payload, 'UTF8')::jsonb ->> 'guestId' AS guest_id,
                          max((convert_from(payload, 'UTF8')::jsonb ->> 'erasedAt')::timestamptz) AS erased_at
                   FROM domain_event_entry
                   WHERE payload_type = 'hotel.booking.api.GuestErased'
                   GROUP BY 1) erasure
            WHERE k.guest_id = erasure.guest_id AND k.created_at <= erasure.erased_at""";

    private final JdbcClient jdbc;

    public ErasedKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many keys of erased guests there were, and are no more */
    public int destroyRestored() {
        int destroyed = jdbc.sql(DESTROY_RESTORED).update();
        if (destroyed > 0) {
            log.warn("Destroyed {} guest keys that were erased before and came back (from a key backup?)", destroyed);
        }
        return destroyed;
    }
}
