package hotel.booking.query.availability;

import hotel.booking.api.RoomType;

import java.time.LocalDate;

/**
 * Which rooms are free on the nights from {@code from} up to, not including, {@code to}; only
 * rooms of {@code type} (when given) that sleep at least {@code guests} (when given).
 */
public record AvailabilityQuery(LocalDate from, LocalDate to, RoomType type, Integer guests) {

    /** Whether a room of this kind belongs in the answer. */
    public boolean includes(RoomType roomType, int capacity) {
        return (type == null || type == roomType) && (guests == null || capacity >= guests);
    }

    /** Whether a change concerns a subscriber to this query. */
    public boolean touches(AvailabilityChange change) {
        if (!includes(change.roomType(), change.capacity())) {
            return false;
        }
        return change.kind() == AvailabilityChange.Kind.ROOM
                || (change.from().isBefore(to) && from.isBefore(change.to()));
    }
}
