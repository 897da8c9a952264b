package hotel.booking.query.availability;

import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Where the availability projection keeps its rooms and active stays: PostgreSQL for the live read
 * model, memory for a rebuild or for the past as it was. The projection's logic is the same for both.
 */
public interface AvailabilityStore {

    record Room(String roomNumber, RoomType type, int capacity, BigDecimal nightlyRate) {
    }

    void putRoom(Room room);

    Room room(String roomNumber);

    /** @return false when the stay was already there (the event was seen before) */
    boolean addStay(UUID reservationId, String roomNumber, Stay stay);

    /** @return false when there was no such stay in that room (the event was seen before) */
    boolean removeStay(UUID reservationId, String roomNumber);

    /** @return false when the room did not hold {@code previous} for it (the event was seen before) */
    boolean changeStay(UUID reservationId, String roomNumber, Stay previous, Stay stay);

    /** Nights out of service, kept like a stay under the block's id. @return false when already there */
    boolean addBlock(UUID blockId, String roomNumber, Stay nights);

    void clear();
}
