package hotel.booking.command.room;

import hotel.booking.api.Guest;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.Stay;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What the Room remembers of one reservation: its nights, its price, whether it was released, and a
 * fingerprint of the guest (not the guest's data) to recognise a retried booking.
 */
record BookedStay(Stay stay, BigDecimal price, String guestFingerprint, boolean released) {

    /** Marks nights out of service; never equal to a guest's fingerprint (Base64 has no '-'). */
    private static final String OUT_OF_SERVICE = "out-of-service";

    static BookedStay of(Stay stay, BigDecimal price, Guest guest) {
        return new BookedStay(stay, price, fingerprint(guest), false);
    }

    /** Nights out of service take a room's nights like a stay, so every check of a free night sees them. */
    static BookedStay outOfService(Stay nights) {
        return new BookedStay(nights, BigDecimal.ZERO, OUT_OF_SERVICE, false);
    }

    boolean outOfService() {
        return OUT_OF_SERVICE.equals(guestFingerprint);
    }

    boolean active() {
        return !released;
    }

    boolean sameBookingAs(ReserveRoom command) {
        return stay.equals(command.stay()) && guestFingerprint.equals(fingerprint(command.guest()));
    }

    BookedStay release() {
        return new BookedStay(stay, price, guestFingerprint, true);
    }

    private static String fingerprint(Guest guest) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((guest.name() + '\n' + guest.email()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
