package hotel.booking.command.room;

import hotel.booking.api.Stay;

/** A stay is at least one night and at most {@value #MAX_NIGHTS}. */
final class StayPolicy {

    static final int MAX_NIGHTS = 30;

    private StayPolicy() {
    }

    static void check(Stay stay) {
        if (!stay.checkIn().isBefore(stay.checkOut())) {
            throw new RoomRuleViolation(Rejection.INVALID_STAY,
                    "Check-out (" + stay.checkOut() + ") must be after check-in (" + stay.checkIn() + ")");
        }
        if (stay.nights() > MAX_NIGHTS) {
            throw new RoomRuleViolation(Rejection.STAY_TOO_LONG,
                    "A stay can be at most " + MAX_NIGHTS + " nights; " + stay + " is " + stay.nights());
        }
    }
}
