package hotel.booking.query.replay;

import java.util.List;
import java.util.Set;

/**
 * A projection that can be rebuilt beside its live read model: its name (the one analysts use, also
 * its processing group and so its streaming processor's name in {@code token_entry}), the tables of
 * its read model, and a fresh fold of its logic into memory.
 */
public interface RebuildableProjection {

    String name();

    /** The live read model's tables; a rebuild replaces all of them at once. */
    List<String> tables();

    ProjectionFold newFold();

    /**
     * What the live processor's sequencing policy says of this stored event: its hash picks the
     * segment whose token tells whether the live read model reflects the event yet. Axon's default
     * sequences per aggregate; a projection registered with another policy must say the same here
     * (the app's ProjectionRebuildTest compares them with the configured policies).
     */
    default Object sequenceIdentifier(StoredEvent event) {
        return event.aggregateIdentifier();
    }

    /** The live projection whose read model this rebuilds: its event handlers say which events matter. */
    Class<?> liveProjection();

    /**
     * Whether the fold reads a guest's name or e-mail. Those that do not get each guest with its id
     * only and the rebuild skips opening them (a key lookup and a decryption per booking).
     */
    default boolean readsGuests() {
        return true;
    }

    /**
     * The event types the fold reads (an event of another type changes nothing). Every event type the
     * live projection handles must be here, or the rebuild is refused: it would swap in a read model
     * that differs from the live one.
     */
    Set<Class<?>> foldedEvents();

    /** The event types the live projection handles that the fold does not read; empty when it is complete. */
    static Set<Class<?>> missedEvents(RebuildableProjection projection) {
        Set<Class<?>> missed = new java.util.TreeSet<>(java.util.Comparator.comparing(Class::getName));
        for (Class<?> type = projection.liveProjection(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(org.axonframework.eventhandling.EventHandler.class)
                    && method.getParameterCount() > 0 && !projection.foldedEvents().contains(method.getParameterTypes()[0])) {
                    missed.add(method.getParameterTypes()[0]);
                }
            }
        }
        return missed;
    }
}
