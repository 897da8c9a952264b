package hotel.booking.api;

/**
 * The guest's personal data. Kept apart from everything else in an event so that availability,
 * reports and replays never need it, and so that it can be encrypted and erased on its own.
 */
public record Guest(String name, String email) {

    @Override
    public String toString() {
        return "Guest[personal data]";
    }
}
