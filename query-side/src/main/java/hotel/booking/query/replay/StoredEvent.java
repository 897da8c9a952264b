package hotel.booking.query.replay;

import java.time.Instant;

/**
 * An event as the event store holds it, read straight from {@code domain_event_entry} for a rebuild:
 * its position, its aggregate (which decides the processor segment it belongs to), its payload
 * (an event record of {@code hotel.booking.api}, or null for a type no projection knows) and when it
 * was stored (parsed only by the folds that need it).
 */
public record StoredEvent(long globalIndex, String aggregateIdentifier, Object payload, String storedAt) {

    public Instant timestamp() {
        return Instant.parse(storedAt);
    }
}
