package hotel.booking.command.room;

import hotel.booking.api.Guest;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.Stay;

import java.math.BigDecimal;

/**
 * What the Room remembers of one reservation: its nights, its price, whether it was released, and
 * its guest, to recognise a retried booking. In a snapshot the guest is sealed like in the events,
 * so erasing the guest erases it there too.
 */
record BookedStay(Stay stay, BigDecimal price, Guest guest, boolean released) {

    static BookedStay of(Stay stay, BigDecimal price, Guest guest) {
        return new BookedStay(stay, price, guest, false);
    }

    /** A stay that moved in from another room: the same guest, so the guest is erased here too. */
    static BookedStay movedIn(Stay stay, BigDecimal price, Guest guest) {
        return new BookedStay(stay, price, guest, false);
    }

    BookedStay changedTo(Stay newStay, BigDecimal newPrice) {
        return new BookedStay(newStay, newPrice, guest, released);
    }

    /**
     * Nights out of service take a room's nights like a stay, so every check of a free night sees them;
     * they have no guest.
     */
    static BookedStay outOfService(Stay nights) {
        return new BookedStay(nights, BigDecimal.ZERO, null, false);
    }

    boolean outOfService() {
        return guest == null;
    }

    boolean active() {
        return !released;
    }

    /** The same stay for the same guest; once the guest is erased, the same guest id (e-mail). */
    boolean sameBookingAs(ReserveRoom command) {
        return guest != null && stay.equals(command.stay()) && guest.sameGuestAs(command.guest());
    }

    BookedStay release() {
        return new BookedStay(stay, price, guest, true);
    }
}
