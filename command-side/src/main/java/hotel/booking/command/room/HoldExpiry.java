package hotel.booking.command.room;

import java.util.UUID;

/** The payload of a hold's deadline: which hold to give back if it is still only held. */
public record HoldExpiry(UUID reservationId) {

    static final String DEADLINE = "hold-expiry";
}
