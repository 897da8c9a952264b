package hotel.booking.query.reservation;

import hotel.booking.query.replay.StoredEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events of one reservation in one sequence, whichever room they come from: a reservation that moves
 * has events in two rooms, and read models keyed by reservation must see them in their order. Events
 * that name no reservation stay in their room's sequence.
 */
public final class ByReservation implements SequencingPolicy<EventMessage<?>> {

    private static final Map<Class<?>, Optional<RecordComponent>> RESERVATION_IDS = new ConcurrentHashMap<>();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object reservationId = reservationIdIn(event.getPayload());
        return reservationId != null ? reservationId
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }

    /** The same sequence for an event read straight from the store, as a rebuild reads it. */
    public static Object sequenceIdentifierOf(StoredEvent event) {
        Object reservationId = reservationIdIn(event.payload());
        return reservationId != null ? reservationId : event.aggregateIdentifier();
    }

    /** The reservation an event payload names, or null. */
    private static Object reservationIdIn(Object payload) {
        if (payload == null) {
            return null;
        }
        Optional<RecordComponent> reservationId = RESERVATION_IDS.computeIfAbsent(payload.getClass(),
                ByReservation::reservationIdOf);
        if (reservationId.isEmpty()) {
            return null;
        }
        try {
            return reservationId.get().getAccessor().invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the reservationId of " + payload.getClass(), e);
        }
    }

    private static Optional<RecordComponent> reservationIdOf(Class<?> type) {
        return type.isRecord()
                ? Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals("reservationId")).findFirst()
                : Optional.empty();
    }
}
