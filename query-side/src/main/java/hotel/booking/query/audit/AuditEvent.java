package hotel.booking.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One event as the event store holds it.
 *
 * @param position  its place in the global order of all events
 * @param type      the event's name, e.g. {@code RoomReserved}
 * @param aggregate the identifier of the aggregate that decided it (for a Room, its number)
 * @param sequence  its place in that aggregate's own history
 * @param metadata  who asked ({@code principal}) and in which request ({@code requestId}), among others
 */
public record AuditEvent(long position,
                         Instant timestamp,
                         String type,
                         String revision,
                         String aggregateType,
                         String aggregate,
                         long sequence,
                         String eventId,
                         JsonNode payload,
                         JsonNode metadata) {
}
