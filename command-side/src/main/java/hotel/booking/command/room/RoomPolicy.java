package hotel.booking.command.room;

import hotel.booking.api.RegisterRoom;

import java.math.BigDecimal;

/** What a room must be to be let: a type, room for 1 to {@value #MAX_CAPACITY} guests, a positive rate. */
final class RoomPolicy {

    static final int MAX_CAPACITY = 20;

    private RoomPolicy() {
    }

    static void check(RegisterRoom command) {
        if (command.type() == null) {
            throw new RoomRuleViolation(Rejection.INVALID_ROOM, "A room needs a type");
        }
        if (command.capacity() < 1 || command.capacity() > MAX_CAPACITY) {
            throw new RoomRuleViolation(Rejection.INVALID_ROOM,
                    "Capacity must be between 1 and " + MAX_CAPACITY + ", not " + command.capacity());
        }
        if (command.nightlyRate() == null || command.nightlyRate().compareTo(BigDecimal.ZERO) <= 0) {
            throw new RoomRuleViolation(Rejection.INVALID_ROOM, "The nightly rate must be positive");
        }
    }
}
