package hotel.booking.command.room;

/** What a room number may look like on the wire: short, letters, digits and dashes. */
public final class RoomNumbers {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9-]{0,15}";
    public static final String MESSAGE = "must be 1 to 16 letters, digits or dashes";

    private RoomNumbers() {
    }
}
