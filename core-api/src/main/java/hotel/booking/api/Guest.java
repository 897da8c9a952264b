package hotel.booking.api;

import java.util.Objects;

/**
 * The guest's personal data. Kept apart from everything else in an event so that availability,
 * reports and replays never need it; the event store keeps it encrypted with a key of this guest's
 * own, so destroying that key erases it everywhere.
 *
 * @param guestId who the guest is without saying who: the hotel derives it from the e-mail address
 *                (null until it has); the same for every booking of the same guest
 * @param erased  the personal data was erased: {@code name} and {@code email} are null
 */
public record Guest(String guestId, String name, String email, boolean erased) {

    public Guest {
        if (erased && (name != null || email != null)) {
            throw new IllegalArgumentException("An erased guest has no name and no e-mail");
        }
    }

    /** A guest the hotel has not identified yet. */
    public Guest(String name, String email) {
        this(null, name, email, false);
    }

    public static Guest identified(String guestId, String name, String email) {
        return new Guest(Objects.requireNonNull(guestId, "guestId"), name, email, false);
    }

    /** What remains of a guest whose personal data was erased: who it was, not who it is. */
    public static Guest erased(String guestId) {
        return new Guest(guestId, null, null, true);
    }

    public Guest withGuestId(String id) {
        return new Guest(id, name, email, erased);
    }

    /**
     * The same guest: the same name and e-mail, or, once erased, the same {@code guestId} (the same
     * e-mail address), all that is left to compare.
     */
    public boolean sameGuestAs(Guest other) {
        if (erased || other.erased) {
            return guestId != null && guestId.equals(other.guestId);
        }
        return Objects.equals(name, other.name) && Objects.equals(email, other.email)
                && (guestId == null || other.guestId == null || guestId.equals(other.guestId));
    }

    @Override
    public String toString() {
        return "Guest[" + guestId + (erased ? ", erased]" : ", personal data]");
    }
}
