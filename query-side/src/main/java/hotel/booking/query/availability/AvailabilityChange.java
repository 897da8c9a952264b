package hotel.booking.query.availability;

import com.fasterxml.jackson.annotation.JsonIgnore;
import hotel.booking.api.RoomType;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One change of the availability picture, numbered by the change feed ({@code id}): the nights
 * {@code from} up to {@code to} of a room became taken or free, or a room appeared.
 */
public record AvailabilityChange(long id,
                                 Kind kind,
                                 String roomNumber,
                                 RoomType roomType,
                                 int capacity,
                                 BigDecimal nightlyRate,
                                 LocalDate from,
                                 LocalDate to,
                                 Boolean available) {

    public enum Kind {
        /** A room was registered: all its nights are free. */
        ROOM,
        /** Nights of a room were taken or freed. */
        NIGHTS,
        /** Nights of a room went out of service ({@code available} false) or came back. */
        BLOCKED
    }

    /** The nights are out of service (not merely booked). */
    @JsonIgnore
    public boolean isOutOfService() {
        return kind == Kind.BLOCKED && Boolean.FALSE.equals(available);
    }

    @JsonIgnore
    public boolean isRoom() {
        return kind == Kind.ROOM;
    }
}
