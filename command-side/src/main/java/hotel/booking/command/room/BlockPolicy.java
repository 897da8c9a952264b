package hotel.booking.command.room;

import hotel.booking.api.Stay;

/** Nights out of service: at least one, at most {@value #MAX_NIGHTS} in one block. */
final class BlockPolicy {

    static final int MAX_NIGHTS = 366;

    private BlockPolicy() {
    }

    static void check(Stay nights) {
        if (!nights.checkIn().isBefore(nights.checkOut())) {
            throw new RoomRuleViolation(Rejection.INVALID_STAY,
                    "The block must end (" + nights.checkOut() + ") after it starts (" + nights.checkIn() + ")");
        }
        if (nights.nights() > MAX_NIGHTS) {
            throw new RoomRuleViolation(Rejection.INVALID_STAY,
                    "A block can be at most " + MAX_NIGHTS + " nights; " + nights + " is " + nights.nights());
        }
    }
}
